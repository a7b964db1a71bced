using DeepSeekHw.Catalog;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;

namespace DeepSeekHw.Core.Tests.Inventory;

/// <summary>
/// Whether the machine is a VM, from what each platform shows: Linux's hypervisor CPU flag or lscpu's hypervisor
/// vendor; on Windows the system a hypervisor presents (HypervisorPresent is true on bare metal with VBS too).
/// </summary>
public sealed class VirtualMachineTests
{
    [Fact]
    public void A_recorded_kvm_guest_is_virtualized_and_bare_metal_is_not_said_to_be()
    {
        var vm = InventoryParser.Interpret(FactBundleJson.Read(Fixtures.Text("bundles/debian12-cpu-only-vm.facts.json")), DeepSeekCatalog.Builtin);
        var metal = Fixtures.Linux(Fixtures.Command(FactSourceIds.Lscpu, "lscpu/amd-epyc-7451-2s-96cpu-8numa.txt")).Cpu;

        Assert.True(vm.Cpu.Virtualized);
        Assert.Null(metal.Virtualized); // no flag: nothing shown, not a claim of bare metal
    }

    [Fact]
    public void Lscpu_hypervisor_vendor_alone_says_so()
    {
        var cpu = Fixtures.Linux(Fixtures.Source(FactSourceIds.Lscpu, "Architecture: x86_64\nModel name: AMD EPYC 9654 96-Core Processor\nHypervisor vendor: KVM\n")).Cpu;

        Assert.True(cpu.Virtualized);
    }

    [Theory]
    [InlineData("Microsoft Corporation", "Virtual Machine", true)] // Hyper-V, Azure
    [InlineData("VMware, Inc.", "VMware7,1", true)]
    [InlineData("QEMU", "Standard PC (Q35 + ICH9, 2009)", true)]
    [InlineData("Amazon EC2", "m7a.8xlarge", true)]
    [InlineData("Google", "Google Compute Engine", true)]
    [InlineData("Dell Inc.", "PowerEdge R7625", false)]
    [InlineData("LENOVO", "20TBS57S00", false)]
    public void Windows_reads_the_system_a_hypervisor_presents(string manufacturer, string model, bool expected)
    {
        var json = "{\"Manufacturer\": \"" + manufacturer + "\", \"Model\": \"" + model + "\", \"HypervisorPresent\": true, \"TotalPhysicalMemory\": 68719476736}";

        var cpu = Fixtures.Windows(Fixtures.Source(FactSourceIds.CimComputerSystem, json)).Cpu;

        Assert.Equal(expected, cpu.Virtualized);
    }

    [Fact]
    public void A_laptop_with_virtualization_based_security_is_not_a_vm()
    {
        var cpu = Fixtures.Windows(Fixtures.Cim(FactSourceIds.CimComputerSystem, "windows-cim/win32-computersystem-msi-laptop-format-list.txt")).Cpu;

        Assert.False(cpu.Virtualized); // HypervisorPresent : True, Model : Star 11 CPP
    }
}
