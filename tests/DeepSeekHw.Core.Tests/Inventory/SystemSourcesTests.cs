using DeepSeekHw.Facts;

namespace DeepSeekHw.Core.Tests.Inventory;

public class SystemSourcesTests
{
    private const long KiB = 1024;

    // file, model, sockets, cores, threads, AVX-512
    [Theory]
    [InlineData("amd-epyc-7451-2s-96cpu.cpuinfo", "AMD EPYC 7451 24-Core Processor", 2, 48, 96, false)]
    [InlineData("amd-opteron-6328-vmware-16vcpu.cpuinfo", "AMD Opteron(tm) Processor 6328", 2, 8, 16, false)]
    [InlineData("arm64-a510-a710-a715-x3.cpuinfo", "Cortex-A510 + Cortex-A715 + Cortex-A710 + Cortex-X3", null, 8, 8, false)]
    [InlineData("arm64-raspberry-pi3-bookworm.cpuinfo", "Cortex-A53", null, 4, 4, false)]
    [InlineData("intel-xeon-x7550-4s-64cpu.cpuinfo", "Intel(R) Xeon(R) CPU           X7550  @ 2.00GHz", 4, 32, 64, false)]
    [InlineData("oracle-oda-xeon-server.cpuinfo", "Intel(R) Xeon(R) CPU E5-2699 v3 @ 2.30GHz", 2, 8, 16, false)]
    [InlineData("xeon-platinum-8480plus-sapphirerapids-excerpt.cpuinfo", "Intel(R) Xeon(R) Platinum 8480+", 1, 56, 112, true)]
    public void Proc_cpuinfo_parses(string file, string model, int? sockets, int cores, int threads, bool avx512)
    {
        var cpu = Fixtures.Linux(Fixtures.File(FactSourceIds.CpuInfo, "proc-cpuinfo/" + file)).Cpu;

        Assert.Equal(model, cpu.Model);
        Assert.Equal(sockets, cpu.Sockets);
        Assert.Equal(cores, cpu.Cores);
        Assert.Equal(threads, cpu.Threads);
        Assert.Equal(avx512, cpu.HasAvx512 == true);
    }

    [Fact]
    public void Sapphire_rapids_has_amx_and_the_rated_clock_comes_from_the_name_when_nothing_else_says()
    {
        var cpu = Fixtures.Linux(Fixtures.File(FactSourceIds.CpuInfo, "proc-cpuinfo/xeon-platinum-8480plus-sapphirerapids-excerpt.cpuinfo")).Cpu;
        Assert.True(cpu.HasAmx);
        Assert.True(cpu.HasAvx2);
        Assert.Equal(2000, cpu.MaxFrequencyMHz); // "cpu MHz : 2000.000"

        var oracle = Fixtures.Linux(Fixtures.File(FactSourceIds.CpuInfo, "proc-cpuinfo/oracle-oda-xeon-server.cpuinfo")).Cpu;
        Assert.Equal(2300, oracle.MaxFrequencyMHz); // "@ 2.30GHz"
    }

    // file, model, sockets, cores, threads, max MHz
    [Theory]
    [InlineData("amd-epyc-7451-2s-96cpu-8numa.txt", "AMD EPYC 7451 24-Core Processor", 2, 48, 96, 2300.0)]
    [InlineData("amd-opteron-6328-vmware-guest.txt", "AMD Opteron(tm) Processor 6328", 2, 8, 16, 3200.0)]
    [InlineData("arm64-cortex-a510-a710-a715-x3-biglittle.txt", "Cortex-A510 + Cortex-A710 + Cortex-A715 + Cortex-X3", 1, 8, 8, 3187.2)]
    [InlineData("arm64-neoverse-n2-github-runner-TRUNCATED.txt", "Neoverse-N2", 1, 4, 4, null)]
    [InlineData("intel-xeon-x7550-4s-64cpu.txt", "Intel(R) Xeon(R) CPU X7550 @ 2.00GHz", 4, 32, 64, 1996.0)]
    [InlineData("lscpu-J-intel-laptop.json", "Intel(R) Core(TM) i7-8750H CPU @ 2.20GHz", 1, 6, 12, 4100.0)]
    [InlineData("nvidia-grace-gh200-neoverse-v2-tree-TRUNCATED.txt", "Neoverse-V2", 1, 72, 72, 3474.0)]
    [InlineData("ppc64-power7-64cpu.txt", "POWER7 (architected), altivec supported", 16, 16, 64, null)]
    public void Lscpu_flat_tree_and_json_layouts_parse(string file, string model, int sockets, int cores, int threads, double? maxMhz)
    {
        var cpu = Fixtures.Linux(Fixtures.Command(FactSourceIds.Lscpu, "lscpu/" + file)).Cpu;

        Assert.Equal(model, cpu.Model);
        Assert.Equal(sockets, cpu.Sockets);
        Assert.Equal(cores, cpu.Cores);
        Assert.Equal(threads, cpu.Threads);
        Assert.Equal(maxMhz, cpu.MaxFrequencyMHz);
    }

    [Fact]
    public void Lscpu_json_reads_flags()
    {
        var cpu = Fixtures.Linux(Fixtures.Command(FactSourceIds.Lscpu, "lscpu/lscpu-J-intel-laptop.json")).Cpu;
        Assert.True(cpu.HasAvx2);
        Assert.False(cpu.HasAvx512);
    }

    // file, MemTotal kB, MemAvailable kB (or MemFree when the kernel has no MemAvailable)
    [Theory]
    [InlineData("node-exporter-4gb.meminfo", 3742148L)]
    [InlineData("server-256gb-hugepages.meminfo", 264026876L)]
    [InlineData("telegraf-normal.meminfo", 16201888L)]
    public void Proc_meminfo_parses(string file, long totalKiB)
    {
        var memory = Fixtures.Linux(Fixtures.File(FactSourceIds.MemInfo, "proc-meminfo/" + file)).Memory;

        Assert.Equal(totalKiB * KiB, memory.TotalBytes);
        Assert.Equal(totalKiB * KiB, memory.UsableBytes);
        Assert.NotNull(memory.AvailableBytes);
        Assert.True(memory.AvailableBytes <= memory.TotalBytes);
    }

    [Theory]
    [InlineData(FactSourceIds.CgroupV2MemoryMax, "max\n", null)]
    [InlineData(FactSourceIds.CgroupV2MemoryMax, "8589934592\n", 8589934592L)]
    [InlineData(FactSourceIds.CgroupV1MemoryLimit, "9223372036854771712\n", null)]
    [InlineData(FactSourceIds.CgroupV1MemoryLimit, "4294967296\n", 4294967296L)]
    public void Container_memory_limit_is_what_processes_can_use(string id, string limit, long? expected)
    {
        var memory = Fixtures.Linux(Fixtures.File(FactSourceIds.MemInfo, "proc-meminfo/telegraf-normal.meminfo"), Fixtures.Source(id, limit)).Memory;

        Assert.Equal(expected, memory.LimitBytes);
        Assert.Equal(expected ?? 16201888L * KiB, memory.UsableBytes);
    }

    [Fact]
    public void Os_release_and_kernel_parse()
    {
        var os = Fixtures.Linux(
            Fixtures.File(FactSourceIds.OsRelease, "os-release/debian-12-bookworm.os-release"),
            Fixtures.Source(FactSourceIds.KernelRelease, "5.15.153.1-microsoft-standard-WSL2\n")).OperatingSystem;

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", os.Name);
        Assert.Equal("debian", os.Id);
        Assert.Equal("12", os.Version);
        Assert.True(os.IsWsl);
    }

    // file, disks, NVMe disks, first size
    [Theory]
    [InlineData("lsblk-J-bytes-nulls-1.json", 8, 8, 960197124096L)]
    [InlineData("lsblk-J-with-lvm-censored.json", 7, 5, 1920383410176L)]
    [InlineData("lsblk-J-tree-name-size-type-rm.json", 2, 0, 1000190509056L)]
    public void Lsblk_json_lists_disks_with_kind_and_size(string file, int disks, int nvme, long firstSize)
    {
        var storage = Fixtures.Linux(Fixtures.Command(FactSourceIds.Lsblk, "lsblk/" + file)).Storage;

        Assert.Equal(disks, storage.Devices.Length);
        Assert.Equal(nvme, storage.Devices.Count(d => d.Kind == "NVMe"));
        Assert.Equal(firstSize, storage.Devices[0].SizeBytes);
        Assert.DoesNotContain(storage.Devices, d => d.Name.StartsWith("loop", StringComparison.Ordinal) || d.Name.Contains("/dev/loop", StringComparison.Ordinal));
    }

    [Fact]
    public void Df_gives_free_space_per_mount_point()
    {
        const string Df = "Filesystem        1-blocks         Used    Available Capacity Mounted on\n/dev/nvme0n1p2 1967317549056 411226230784 1456040431616      23% /\n/dev/md0      30721232502784 11023245561856 18161489682432 38% /mnt/model store\n";

        var volumes = Fixtures.Linux(Fixtures.Source(FactSourceIds.DiskFree, Df, 0)).Storage.Volumes;

        Assert.Equal(2, volumes.Length);
        Assert.Equal("/", volumes[0].MountPoint);
        Assert.Equal(1456040431616L, volumes[0].FreeBytes);
        Assert.Equal("/mnt/model store", volumes[1].MountPoint);
        Assert.Equal(30721232502784L, volumes[1].SizeBytes);
    }

    [Fact]
    public void Sys_class_net_gives_speed_mtu_and_state()
    {
        var network = Fixtures.Linux(Fixtures.SysfsListing("sys-class/net-speed-duplex-node-exporter.txt")).Network;

        var bond = Assert.Single(network, n => n.Name == "bond0");
        Assert.Null(bond.SpeedBitsPerSecond); // speed -1: unknown
        Assert.Equal(1500, bond.Mtu);
        Assert.Equal("up", bond.State);
        Assert.Equal(1_000_000_000L, Assert.Single(network, n => n.Name == "dmz").SpeedBitsPerSecond);
    }

    [Fact]
    public void Empty_speed_file_is_unknown_not_an_error()
    {
        var network = Fixtures.Linux(Fixtures.SysfsListing("sys-class/net-speed-procfs.txt")).Network;

        Assert.Equal(1_000_000_000L, Assert.Single(network, n => n.Name == "eth0").SpeedBitsPerSecond);
    }

    [Theory]
    [InlineData("infiniband-mlx4-mlx5-hfi1-procfs.txt", "mlx4_0/1", 40_000_000_000L, "ACTIVE")]
    [InlineData("infiniband-mlx4-mlx5-hfi1-procfs.txt", "hfi1_0/1", 100_000_000_000L, "ACTIVE")]
    [InlineData("infiniband-mlx4-i40iw-node-exporter.txt", "i40iw0/1", 10_000_000_000L, "ACTIVE")]
    public void Infiniband_ports_give_rate_and_state(string file, string port, long bits, string state)
    {
        var network = Fixtures.Linux(Fixtures.SysfsListing("sys-class/" + file)).Network;

        var adapter = Assert.Single(network, n => n.Name == port);
        Assert.Equal("InfiniBand", adapter.Kind);
        Assert.Equal(bits, adapter.SpeedBitsPerSecond);
        Assert.Equal(state, adapter.State);
    }

    [Fact]
    public void Permission_denied_and_missing_proc_give_a_partial_inventory_with_warnings()
    {
        var inventory = Fixtures.Linux(
            new FactSource(FactSourceIds.CpuInfo) { Status = FactSourceStatus.Absent },
            new FactSource(FactSourceIds.MemInfo) { Status = FactSourceStatus.Absent },
            new FactSource(FactSourceIds.NetPrefix + "eth0/speed") { Status = FactSourceStatus.Denied, Error = "Access denied" },
            Fixtures.Source(FactSourceIds.NetPrefix + "eth0/mtu", "9000\n"),
            new FactSource(FactSourceIds.Lsblk) { Status = FactSourceStatus.Denied, Error = "Permission denied" },
            Fixtures.Command(FactSourceIds.Lscpu, "lscpu/amd-epyc-7451-2s-96cpu-8numa.txt"));

        Assert.Equal(48, inventory.Cpu.Cores); // lscpu still answers
        Assert.Null(inventory.Memory.TotalBytes);
        Assert.Equal(9000, Assert.Single(inventory.Network).Mtu);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.MemInfo, StringComparison.Ordinal));
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.Lsblk, StringComparison.Ordinal) && w.Contains("permission denied", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_bundle_is_a_partial_inventory_not_an_exception()
    {
        var inventory = Fixtures.Linux();

        Assert.NotNull(inventory.Gpus);
        Assert.NotNull(inventory.Network);
        Assert.NotEmpty(inventory.Warnings.Texts());
    }
}

public class CgroupCpuTests
{
    [Theory]
    [InlineData("max 100000\n", null, null, null)]
    [InlineData("450000 100000\n", null, null, 4.5)]
    [InlineData(null, "-1\n", "100000\n", null)]
    [InlineData(null, "200000\n", "100000\n", 2.0)]
    [InlineData("garbage\n", null, null, null)]
    public void Cgroup_cpu_quota_gives_the_cores_a_container_may_use(string? cpuMax, string? quota, string? period, double? cores)
    {
        var sources = new List<FactSource>();
        if (cpuMax != null)
        {
            sources.Add(Fixtures.Source(FactSourceIds.CgroupV2CpuMax, cpuMax));
        }

        if (quota != null)
        {
            sources.Add(Fixtures.Source(FactSourceIds.CgroupV1CpuQuota, quota));
            sources.Add(Fixtures.Source(FactSourceIds.CgroupV1CpuPeriod, period!));
        }

        Assert.Equal(cores, Fixtures.Linux(sources.ToArray()).Cpu.LimitCores);
    }
}

public class SysBlockTests
{
    [Fact]
    public void Without_lsblk_disks_come_from_sys_block_with_their_kind()
    {
        // The captured rotational flags of a SATA SSD, an HDD and an NVMe disk, placed where the collector reads them.
        var sources = new List<FactSource> { Fixtures.Source(FactSourceIds.DiskFree, "Filesystem 1-blocks Used Available Capacity Mounted on\n/dev/sda1 1000 10 990 1% /\n", 0) };
        foreach (var line in Fixtures.Text("sys-block/rotational-sata-ssd-hdd-nvme.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = line[..line.LastIndexOf(':')];
            var name = path.Split('/')[^3];
            sources.Add(Fixtures.Source(FactSourceIds.BlockPrefix + name + "/queue/rotational", line[(line.LastIndexOf(':') + 1)..].Trim() + "\n"));
            sources.Add(Fixtures.Source(FactSourceIds.BlockPrefix + name + "/size", "1953525168\n"));
        }

        sources.Add(Fixtures.Source(FactSourceIds.BlockPrefix + "sda/device/model", "KINGSTON SA400S3\n"));
        sources.Add(new FactSource(FactSourceIds.Lsblk) { Status = FactSourceStatus.Absent });
        var inventory = Fixtures.Linux(sources.ToArray());

        Assert.Equal(new[] { "nvme0n1:NVMe", "sda:SSD", "sdb:HDD" }, inventory.Storage.Devices.Select(d => d.Name + ":" + d.Kind).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(inventory.Storage.Devices, d => Assert.Equal(1953525168L * 512, d.SizeBytes));
        Assert.Equal("KINGSTON SA400S3", inventory.Storage.Devices.Single(d => d.Name == "sda").Model);
        Assert.DoesNotContain(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.Lsblk, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_lsblk_or_sys_block_disks_are_unknown_with_a_warning()
    {
        var inventory = Fixtures.Linux(new FactSource(FactSourceIds.Lsblk) { Status = FactSourceStatus.Absent });

        Assert.Empty(inventory.Storage.Devices);
        Assert.Contains(inventory.Warnings.Texts(), w => w.StartsWith(FactSourceIds.Lsblk, StringComparison.Ordinal) && w.Contains("disks are unknown", StringComparison.Ordinal));
    }
}
