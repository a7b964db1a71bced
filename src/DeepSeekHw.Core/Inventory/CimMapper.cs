using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Facts;
using DeepSeekHw.Json;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Maps recorded CIM instances (a JSON array of property maps per class) onto the inventory. Values may be numbers
    /// or strings, as ConvertTo-Json and the CIM collector write them.
    /// </summary>
    internal static class CimMapper
    {
        private static readonly Regex PciVendor = new Regex(@"VEN_(?<v>[0-9A-F]{4})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static IReadOnlyList<JsonNode> Instances(FactBundle bundle, string sourceId, ParseLog log)
        {
            var output = bundle.OutputOf(sourceId);
            if (output is null)
            {
                return Array.Empty<JsonNode>();
            }

            if (!JsonParser.TryParse(output, out var root, out var error))
            {
                log.Warn(sourceId, WarningKind.Malformed, "the recorded instances are not JSON (" + error + ").");
                return Array.Empty<JsonNode>();
            }

            return root.Kind == JsonKind.Array ? root.Items : root.Kind == JsonKind.Object ? new[] { root } : Array.Empty<JsonNode>();
        }

        public static void ApplyProcessors(CpuInfo cpu, IReadOnlyList<JsonNode> processors, ParseLog log)
        {
            if (processors.Count == 0)
            {
                return;
            }

            cpu.Model = string.Join(" + ", processors.Select(p => Clean(p, "Name")).Where(n => n != null).Distinct());
            cpu.Vendor = Clean(processors[0], "Manufacturer");
            cpu.Sockets = processors.Count;
            cpu.Cores = Sum(processors, "NumberOfCores", log);
            cpu.Threads = Sum(processors, "NumberOfLogicalProcessors", log);
            cpu.MaxFrequencyMHz = processors.Select(p => Number(p, "MaxClockSpeed")).Max();
        }

        // The system a hypervisor presents (Hyper-V and Azure, VMware, KVM/QEMU, Xen, VirtualBox, Parallels, EC2, GCE).
        // HypervisorPresent does not tell: Windows with virtualization-based security runs on Hyper-V on bare metal too.
        private static readonly Regex VirtualSystem = new Regex(@"\b(Virtual Machine|VMware|KVM|QEMU|Xen|HVM domU|VirtualBox|innotek|Parallels|Amazon EC2|Google Compute Engine|OpenStack|Bochs)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        public static void ApplyComputerSystem(HardwareInventory inventory, JsonNode system, ParseLog log)
        {
            var identity = (Clean(system, "Manufacturer") ?? string.Empty) + " " + (Clean(system, "Model") ?? string.Empty);
            if (identity.Trim().Length > 0)
            {
                inventory.Cpu.Virtualized = VirtualSystem.IsMatchWithin(identity);
            }

            inventory.Memory.TotalBytes ??= FactNumber.FromDouble(Number(system, "TotalPhysicalMemory"), 1, FactNumber.MaxMemoryBytes, log, FactSourceIds.CimComputerSystem, "TotalPhysicalMemory");
            if (string.IsNullOrEmpty(inventory.ComputerName))
            {
                inventory.ComputerName = Clean(system, "Name") ?? string.Empty;
            }
        }

        public static void ApplyPhysicalMemory(MemoryInfo memory, IReadOnlyList<JsonNode> modules, IReadOnlyList<JsonNode> arrays)
        {
            if (modules.Count > 0)
            {
                memory.ModuleCount = modules.Count;
            }

            // Win32_PhysicalMemoryArray.MemoryErrorCorrection: 3 = None, 4 = Parity, 5 = Single-bit ECC, 6 = Multi-bit ECC, 7 = CRC.
            var codes = arrays.Select(a => Number(a, "MemoryErrorCorrection")).Where(c => c >= 3).ToList();
            if (codes.Count > 0)
            {
                memory.EccEnabled = codes.All(c => c >= 5);
            }
        }

        public static void ApplyOperatingSystem(HardwareInventory inventory, JsonNode os, ParseLog log)
        {
            inventory.OperatingSystem.Name = Clean(os, "Caption");
            inventory.OperatingSystem.Id = "windows";
            inventory.OperatingSystem.Version = Clean(os, "Version");
            inventory.OperatingSystem.KernelVersion = Clean(os, "BuildNumber");
            inventory.OperatingSystem.Architecture = Clean(os, "OSArchitecture");
            inventory.Memory.AvailableBytes = FactNumber.FromDouble(Number(os, "FreePhysicalMemory"), 1024, FactNumber.MaxMemoryBytes, log, FactSourceIds.CimOperatingSystem, "FreePhysicalMemory");
        }

        /// <summary>
        /// GPUs from Win32_VideoController. AdapterRAM is a 32-bit field (capped near 4 GiB), so memory comes only from the
        /// display driver's HardwareInformation.qwMemorySize registry value, matched by adapter name.
        /// </summary>
        public static List<GpuDevice> VideoControllers(IReadOnlyList<JsonNode> controllers, IReadOnlyDictionary<string, long> registryMemory, string sourceId)
        {
            var gpus = new List<GpuDevice>();
            foreach (var controller in controllers)
            {
                var vendorId = PciVendor.Match(Clean(controller, "PNPDeviceID") ?? string.Empty);
                var vendor = !vendorId.Success ? GpuVendor.Unknown : vendorId.Groups["v"].Value.ToUpperInvariant() switch
                {
                    "10DE" => GpuVendor.NVIDIA,
                    "1002" => GpuVendor.AMD,
                    "8086" => GpuVendor.Intel,
                    _ => GpuVendor.Unknown,
                };
                if (vendor == GpuVendor.Unknown)
                {
                    continue; // Microsoft Basic Display, Remote Display, virtual adapters
                }

                var name = Clean(controller, "Name") ?? Clean(controller, "Caption") ?? vendor + " GPU";
                var driver = Clean(controller, "DriverVersion");
                gpus.Add(new GpuDevice
                {
                    Index = gpus.Count,
                    Name = name,
                    Vendor = vendor,
                    MemoryTotalBytes = registryMemory.TryGetValue(name, out var bytes) ? bytes : (long?)null,
                    PciId = PciId.FromPnp(Clean(controller, "PNPDeviceID")),
                    DriverVersion = vendor == GpuVendor.NVIDIA ? NvidiaVersionFromWindows(driver) ?? driver : driver,
                    Source = sourceId,
                });
            }

            return gpus;
        }

        public static List<StorageDevice> PhysicalDisks(IReadOnlyList<JsonNode> disks, ParseLog log)
        {
            return disks.Select(d =>
            {
                var bus = Number(d, "BusType");
                var media = Number(d, "MediaType");
                var model = (Clean(d, "FriendlyName") ?? Clean(d, "Model") ?? string.Empty).ToUpperInvariant();
                var virtualDisk = bus == 14 || bus == 15 || model.Contains("VBOX") || model.Contains("VIRTUAL") || model.Contains("QEMU") || model.Contains("VMWARE");
                return new StorageDevice
                {
                    Name = Clean(d, "DeviceId") ?? Clean(d, "FriendlyName") ?? string.Empty,
                    Model = Clean(d, "FriendlyName") ?? Clean(d, "Model"),
                    SizeBytes = FactNumber.FromDouble(Number(d, "Size"), 1, FactNumber.MaxStorageBytes, log, FactSourceIds.CimPhysicalDisk, "Size"),
                    Transport = bus switch { 17 => "nvme", 11 => "sata", 10 => "sas", 7 => "usb", 8 => "raid", 14 or 15 => "virtual", _ => null },
                    Kind = virtualDisk ? "Virtual" : bus == 17 ? "NVMe" : media == 4 || media == 5 ? "SSD" : media == 3 ? "HDD" : "Unknown",
                    Removable = bus == 7,
                };
            }).ToList();
        }

        public static List<StorageDevice> DiskDrives(IReadOnlyList<JsonNode> disks, ParseLog log)
        {
            return disks.Select(d =>
            {
                var model = Clean(d, "Model") ?? Clean(d, "Caption");
                var upper = (model ?? string.Empty).ToUpperInvariant();
                var media = Clean(d, "MediaType") ?? string.Empty;
                return new StorageDevice
                {
                    Name = Clean(d, "DeviceID") ?? ("PhysicalDrive" + (Clean(d, "Index") ?? "?")),
                    Model = model,
                    SizeBytes = FactNumber.FromDouble(Number(d, "Size"), 1, FactNumber.MaxStorageBytes, log, FactSourceIds.CimDiskDrive, "Size"),
                    Transport = Clean(d, "InterfaceType")?.ToLowerInvariant(),
                    Kind = upper.Contains("NVME") ? "NVMe" : upper.Contains("VIRTUAL") || upper.Contains("VBOX") || upper.Contains("QEMU") ? "Virtual" : "Unknown",
                    Removable = media.IndexOf("Removable", StringComparison.OrdinalIgnoreCase) >= 0,
                };
            }).ToList();
        }

        public static List<StorageVolume> LogicalDisks(IReadOnlyList<JsonNode> disks, ParseLog log) =>
            disks.Where(d => Number(d, "DriveType") is null or 3) // 3 = local disk
                .Select(d => new StorageVolume
                {
                    MountPoint = Clean(d, "DeviceID") ?? string.Empty,
                    Device = Clean(d, "VolumeName"),
                    SizeBytes = FactNumber.FromDouble(Number(d, "Size"), 1, FactNumber.MaxStorageBytes, log, FactSourceIds.CimLogicalDisk, "Size"),
                    FreeBytes = FactNumber.FromDouble(Number(d, "FreeSpace"), 1, FactNumber.MaxStorageBytes, log, FactSourceIds.CimLogicalDisk, "FreeSpace"),
                })
                .ToList();

        public static List<NetworkAdapter> NetAdapters(IReadOnlyList<JsonNode> adapters, ParseLog log) =>
            adapters.Select(a =>
            {
                var description = Clean(a, "InterfaceDescription");
                var isVirtual = a["Virtual"].AsBoolean() == true || string.Equals(Clean(a, "Virtual"), "True", StringComparison.OrdinalIgnoreCase);
                var infiniband = description != null && (description.IndexOf("InfiniBand", StringComparison.OrdinalIgnoreCase) >= 0 || description.IndexOf("IPoIB", StringComparison.OrdinalIgnoreCase) >= 0);
                return new NetworkAdapter
                {
                    Name = Clean(a, "Name") ?? string.Empty,
                    Description = description,
                    Kind = infiniband ? "InfiniBand" : isVirtual ? "Virtual" : "Ethernet",
                    SpeedBitsPerSecond = Number(a, "Speed") is double speed && speed > 0 ? FactNumber.FromDouble(speed, 1, FactNumber.MaxLinkBitsPerSecond, log, FactSourceIds.CimNetworkAdapter, "Speed") : null,
                    Mtu = FactNumber.Count(Clean(a, "MtuSize"), log, FactSourceIds.CimNetworkAdapter, "MtuSize"),
                    State = Number(a, "MediaConnectState") switch { 1 => "up", 2 => "down", _ => Clean(a, "Status") },
                };
            }).ToList();

        /// <summary>
        /// NVIDIA's Windows driver version encodes the familiar one in its last five digits: 31.0.15.3179 is 531.79.
        /// </summary>
        public static string? NvidiaVersionFromWindows(string? windowsVersion)
        {
            var parts = windowsVersion?.Split('.');
            if (parts is null || parts.Length != 4)
            {
                return null;
            }

            var digits = parts[2] + parts[3].PadLeft(4, '0');
            if (digits.Length < 5 || !digits.All(char.IsDigit))
            {
                return null;
            }

            var tail = digits.Substring(digits.Length - 5);
            return tail.Substring(0, 3) + "." + tail.Substring(3);
        }

        private static string? Clean(JsonNode node, string name) => FactText.Clean(node[name].AsString() ?? node[name].NumberText);

        private static double? Number(JsonNode node, string name) => node[name].AsDouble() ?? FactText.ParseDouble(node[name].AsString());

        private static int? Sum(IReadOnlyList<JsonNode> nodes, string name, ParseLog log)
        {
            var values = nodes.Select(n => Number(n, name)).ToList();
            return values.All(v => v != null) ? FactNumber.Count(values.Sum(v => v!.Value).ToString("R", CultureInfo.InvariantCulture), log, FactSourceIds.CimProcessor, name) : null;
        }
    }
}
