using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// The last step of every parse, and the one place text from a tool or a bundle is made safe to show: control
    /// characters (terminal escape sequences among them) are replaced in every string of the inventory, and every
    /// number is held to what a machine can have. A parser that let an impossible value through still cannot make a
    /// verdict lie: the value becomes unknown, with a warning.
    /// </summary>
    internal static class InventoryValidator
    {
        public static void Apply(HardwareInventory inventory, ParseLog log)
        {
            var memory = inventory.Memory;
            memory.TotalBytes = Bytes(memory.TotalBytes, FactNumber.MaxMemoryBytes, log, "memory", "total");
            memory.AvailableBytes = Bytes(memory.AvailableBytes, FactNumber.MaxMemoryBytes, log, "memory", "available");
            memory.LimitBytes = Bytes(memory.LimitBytes, FactNumber.MaxMemoryBytes, log, "memory", "limit");
            memory.ModuleCount = Count(memory.ModuleCount, log, "memory", "module count");

            var cpu = inventory.Cpu;
            cpu.Sockets = Count(cpu.Sockets, log, "cpu", "sockets");
            cpu.Cores = Count(cpu.Cores, log, "cpu", "cores");
            cpu.Threads = Count(cpu.Threads, log, "cpu", "threads");
            cpu.MaxFrequencyMHz = Finite(cpu.MaxFrequencyMHz, 100_000, log, "cpu", "maximum frequency (MHz)");
            cpu.LimitCores = Finite(cpu.LimitCores, FactNumber.MaxCount, log, "cpu", "container CPU limit");

            foreach (var gpu in inventory.Gpus)
            {
                var source = gpu.Source.Length > 0 ? gpu.Source : "gpu";
                gpu.MemoryTotalBytes = Bytes(gpu.MemoryTotalBytes, FactNumber.MaxGpuMemoryBytes, log, source, "GPU memory total");
                gpu.MemoryUsedBytes = Bytes(gpu.MemoryUsedBytes, FactNumber.MaxGpuMemoryBytes, log, source, "GPU memory used");
                gpu.PcieGeneration = Bounded(gpu.PcieGeneration, 1, 16, log, source, "PCIe generation");
                gpu.PcieLinkWidth = Bounded(gpu.PcieLinkWidth, 1, 64, log, source, "PCIe width");
                gpu.PowerLimitWatts = Bounded(gpu.PowerLimitWatts, 1, (int)FactNumber.MaxBoardWatts, log, source, "GPU power limit (W)");
            }

            inventory.GpuLinks = inventory.GpuLinks.Where(l => l.GpuIndex >= 0 && l.PeerIndex >= 0 && l.NvLinkCount >= 0).ToArray();

            foreach (var device in inventory.Storage.Devices)
            {
                device.SizeBytes = Bytes(device.SizeBytes, FactNumber.MaxStorageBytes, log, "storage", device.Name + " size");
            }

            foreach (var volume in inventory.Storage.Volumes)
            {
                volume.SizeBytes = Bytes(volume.SizeBytes, FactNumber.MaxStorageBytes, log, "storage", volume.MountPoint + " size");
                volume.FreeBytes = Bytes(volume.FreeBytes, FactNumber.MaxStorageBytes, log, "storage", volume.MountPoint + " free space");
            }

            foreach (var adapter in inventory.Network)
            {
                adapter.SpeedBitsPerSecond = Bytes(adapter.SpeedBitsPerSecond, FactNumber.MaxLinkBitsPerSecond, log, "network", adapter.Name + " speed");
                adapter.Mtu = Bounded(adapter.Mtu, 68, 1 << 20, log, "network", adapter.Name + " MTU");
            }

            CleanStrings(inventory);
        }

        private static long? Bytes(long? value, long max, ParseLog log, string source, string what)
        {
            if (value is long number && (number < 0 || number > max))
            {
                log.Warn(source, WarningKind.OutOfRange, string.Format(CultureInfo.InvariantCulture, "{0} of {1} is outside 0 to {2}; it is treated as unknown.", what, number, max));
                return null;
            }

            return value;
        }

        private static int? Count(int? value, ParseLog log, string source, string what) => Bounded(value, 0, FactNumber.MaxCount, log, source, what);

        private static int? Bounded(int? value, int min, int max, ParseLog log, string source, string what)
        {
            if (value is int number && (number < min || number > max))
            {
                log.Warn(source, WarningKind.OutOfRange, string.Format(CultureInfo.InvariantCulture, "{0} of {1} is outside {2} to {3}; it is treated as unknown.", what, number, min, max));
                return null;
            }

            return value;
        }

        private static double? Finite(double? value, double max, ParseLog log, string source, string what)
        {
            if (value is double number && (double.IsNaN(number) || double.IsInfinity(number) || number < 0 || number > max))
            {
                log.Warn(source, WarningKind.OutOfRange, string.Format(CultureInfo.InvariantCulture, "{0} of {1} is outside 0 to {2}; it is treated as unknown.", what, number, max));
                return null;
            }

            return value;
        }

        // Every string the inventory holds (names, versions, paths, warnings), whatever object it sits in. The catalog's
        // GpuSpec is not ours to change and is not walked.
        private static void CleanStrings(object target)
        {
            foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(GpuSpec))
                {
                    continue;
                }

                var value = property.GetValue(target);
                switch (value)
                {
                    case string text when property.CanWrite:
                        property.SetValue(target, SafeText.Clean(text));
                        break;
                    case string[] texts:
                        for (var i = 0; i < texts.Length; i++)
                        {
                            texts[i] = SafeText.Clean(texts[i]);
                        }

                        break;
                    case IEnumerable items when !(value is string):
                        foreach (var item in items)
                        {
                            if (item != null && IsInventoryPart(item.GetType()))
                            {
                                CleanStrings(item);
                            }
                        }

                        break;
                    default:
                        if (value != null && IsInventoryPart(value.GetType()))
                        {
                            CleanStrings(value);
                        }

                        break;
                }
            }
        }

        private static bool IsInventoryPart(Type type) =>
            type.IsClass && type != typeof(GpuSpec) && type.Namespace == typeof(HardwareInventory).Namespace && type.Assembly == typeof(HardwareInventory).Assembly;
    }
}
