using DeepSeekHw.Facts;

namespace DeepSeekHw.Core.Tests.Inventory;

public class WindowsSourcesTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Theory]
    [InlineData("windows-cim/win32-videocontroller-rtx3050ti-plus-igpu-format-list.txt", "NVIDIA GeForce RTX 3050 Ti Laptop GPU", "NVIDIA")]
    [InlineData("windows-wmic/win32-videocontroller-nvidia-rtx2060super-utf16.txt", "NVIDIA GeForce RTX 2060 SUPER", "NVIDIA")]
    [InlineData("windows-wmic/win32-videocontroller-amd-rx6600xt-utf16.txt", "AMD Radeon RX 6600 XT", "AMD")]
    [InlineData("windows-wmic/win32-videocontroller-intel-nvidia-rdp-wmic-list-utf16.txt", "NVIDIA GeForce GTX 950", "NVIDIA")]
    public void Video_controllers_never_take_memory_from_the_32_bit_adapter_ram(string fixture, string name, string vendor)
    {
        var inventory = Fixtures.Windows(Fixtures.Cim(FactSourceIds.CimVideoController, fixture));

        var gpu = Assert.Single(inventory.Gpus); // integrated Intel graphics and the remote display adapter are left out
        Assert.Equal(name, gpu.Name);
        Assert.Equal(vendor, gpu.Vendor.ToString());
        Assert.Null(gpu.MemoryTotalBytes); // AdapterRAM (4293918720 or less) is never used
    }

    [Theory]
    [InlineData("31.0.15.1694", "516.94")]
    [InlineData("30.0.15.1215", "512.15")]
    [InlineData("32.0.15.6590", "565.90")]
    [InlineData("31.0.15.3179", "531.79")]
    public void Nvidia_windows_driver_version_maps_to_the_familiar_one(string windows, string nvidia)
    {
        Assert.Equal(nvidia, DeepSeekHw.Inventory.CimMapper.NvidiaVersionFromWindows(windows));
    }

    [Fact]
    public void Display_driver_registry_gives_the_real_memory()
    {
        // Shape of `reg query ... /s /v` output (hand-written for the test: no capture of these two queries is at hand).
        const string Memory = "\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0001\r\n    HardwareInformation.qwMemorySize    REG_QWORD    0x200000000\r\n\r\nEnd of search: 1 match(es) found.\r\n";
        const string Names = "\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0000\r\n    DriverDesc    REG_SZ    Intel(R) HD Graphics 4600\r\n\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0001\r\n    DriverDesc    REG_SZ    NVIDIA GeForce RTX 2060 SUPER\r\n\r\nEnd of search: 2 match(es) found.\r\n";

        var inventory = Fixtures.Windows(
            Fixtures.Cim(FactSourceIds.CimVideoController, "windows-wmic/win32-videocontroller-nvidia-rtx2060super-utf16.txt"),
            Fixtures.Source(FactSourceIds.DisplayAdapterMemoryRegistry, Memory, 0),
            Fixtures.Source(FactSourceIds.DisplayAdapterNameRegistry, Names, 0));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal(8 * GiB, gpu.MemoryTotalBytes);
        Assert.Equal("516.94", gpu.DriverVersion);
    }

    [Fact]
    public void Nvidia_smi_wins_over_cim_for_nvidia_gpus()
    {
        var inventory = Fixtures.Windows(
            Fixtures.Command(FactSourceIds.NvidiaSmiXmlWindows, "nvidia-smi-xml/rtx-2080-windows-wddm-drv516.xml"),
            Fixtures.Cim(FactSourceIds.CimVideoController, "windows-wmic/win32-videocontroller-nvidia-rtx2060super-utf16.txt"));

        var gpu = Assert.Single(inventory.Gpus);
        Assert.Equal(FactSourceIds.NvidiaSmiXmlWindows, gpu.Source);
        Assert.Equal(8192L * 1024 * 1024, gpu.MemoryTotalBytes);
    }

    // fixture, model, sockets, cores, threads, MHz
    [Theory]
    [InlineData("windows-cim/win32-processor-i7-11800h-format-list.txt", "11th Gen Intel(R) Core(TM) i7-11800H @ 2.30GHz", 1, 8, 16, 2304.0)]
    [InlineData("windows-wmic/win32-processor-epyc-7302-vm-win2019-utf16.txt", "AMD EPYC 7302 16-Core Processor", 1, 2, 4, 2994.0)]
    [InlineData("windows-wmic/win32-processor-2008-two-different-cpus-utf16.txt", "Intel(R) Xeon(R) CPU E5506 @ 2.13GHz + Intel(R) Xeon(R) CPU E5504 @ 2.00GHz", 2, 8, 8, 2000.0)]
    public void Win32_processor_maps(string fixture, string model, int sockets, int cores, int threads, double mhz)
    {
        var cpu = Fixtures.Windows(Fixtures.Cim(FactSourceIds.CimProcessor, fixture)).Cpu;

        Assert.Equal(model, cpu.Model);
        Assert.Equal(sockets, cpu.Sockets);
        Assert.Equal(cores, cpu.Cores);
        Assert.Equal(threads, cpu.Threads);
        Assert.Equal(mhz, cpu.MaxFrequencyMHz);
    }

    [Fact]
    public void Computer_system_memory_and_physical_modules_map()
    {
        var inventory = Fixtures.Windows(
            Fixtures.Cim(FactSourceIds.CimComputerSystem, "windows-wmic/win32-computersystem-win11-azuread.txt"),
            Fixtures.Cim(FactSourceIds.CimPhysicalMemory, "windows-wmic/win32-physicalmemory-win7.txt"),
            Fixtures.Cim(FactSourceIds.CimOperatingSystem, "windows-wmic/win32-operatingsystem-win7-sp1-x64.txt"));

        Assert.Equal(16863318016L, inventory.Memory.TotalBytes);
        Assert.Equal(2, inventory.Memory.ModuleCount);
        Assert.Equal("Microsoft Windows 7 Professionnel", inventory.OperatingSystem.Name);
        Assert.Equal("6.1.7600", inventory.OperatingSystem.Version);
        Assert.Equal("fixture", inventory.ComputerName); // the bundle's name, not the dump's
    }

    [Fact]
    public void Format_list_computer_system_maps_memory()
    {
        var inventory = Fixtures.Windows(Fixtures.Cim(FactSourceIds.CimComputerSystem, "windows-cim/win32-computersystem-msi-laptop-format-list.txt"));

        Assert.True(inventory.Memory.TotalBytes > 60 * GiB);
    }

    [Theory]
    [InlineData("windows-wmic/msft-physicaldisk-latitude7480-nvme-utf16.txt", "NVMe", 512110190592L)]
    [InlineData("windows-wmic/msft-physicaldisk-win10-fr.txt", "Virtual", 53687091200L)]
    public void Msft_physical_disk_maps_bus_and_media(string fixture, string kind, long size)
    {
        var disk = Assert.Single(Fixtures.Windows(Fixtures.Cim(FactSourceIds.CimPhysicalDisk, fixture)).Storage.Devices);

        Assert.Equal(kind, disk.Kind);
        Assert.Equal(size, disk.SizeBytes);
    }

    [Fact]
    public void Win32_disk_drive_is_the_fallback_for_disks()
    {
        var storage = Fixtures.Windows(Fixtures.Source(FactSourceIds.CimDiskDrive, Fixtures.Text("windows-cim/win32-diskdrive-convertto-json.json"))).Storage;

        Assert.Equal(6, storage.Devices.Length);
        Assert.Equal(10000830067200L, storage.Devices.Max(d => d.SizeBytes));
        Assert.Single(storage.Devices, d => d.Removable);

        var nvme = Assert.Single(Fixtures.Windows(Fixtures.Cim(FactSourceIds.CimDiskDrive, "windows-wmic/win32-diskdrive-latitude7480.txt")).Storage.Devices);
        Assert.Equal("NVMe", nvme.Kind);
    }

    [Fact]
    public void Failed_cim_class_is_a_warning()
    {
        var inventory = Fixtures.Windows(new FactSource(FactSourceIds.CimProcessor) { Status = FactSourceStatus.Failed, Error = "CimException: Access denied" });

        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.CimProcessor, StringComparison.Ordinal) && w.Contains("Access denied", StringComparison.Ordinal));
        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("no GPU tool was found", StringComparison.Ordinal));
    }
}
