using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Facts;
using DeepSeekHw.Json;

namespace DeepSeekHw.Inventory
{
    /// <summary>Disks from lsblk -J -b or /sys/block (numbers or strings, booleans or "0"/"1", by release) and free space from df -P -B1.</summary>
    internal static class StorageParser
    {
        private static readonly string[] VirtualModels = { "VIRTUAL", "QEMU", "VBOX", "VMWARE", "XEN", "AMAZON ELASTIC BLOCK STORE", "PERSISTENTDISK" };

        public static List<StorageDevice> ParseLsblk(string json, string sourceId, ParseLog log)
        {
            var devices = new List<StorageDevice>();
            if (!JsonParser.TryParse(json, out var root, out var error))
            {
                log.Warn(sourceId, WarningKind.Malformed, "the output is not JSON (" + error + "); no disks were read.");
                return devices;
            }

            foreach (var node in root["blockdevices"].Items)
            {
                if (!string.Equals(Text(node["type"]), "disk", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // loop, rom, zram, and children (partitions, LVM) are not disks
                }

                var name = Text(node["name"]) ?? string.Empty;
                if (name.Contains("zram") || name.StartsWith("ram", StringComparison.Ordinal) || name.StartsWith("/dev/ram", StringComparison.Ordinal))
                {
                    continue; // compressed-RAM swap and RAM disks are memory, not storage
                }

                var model = FactText.Clean(Text(node["model"]));
                var transport = FactText.Clean(Text(node["tran"]));
                var device = new StorageDevice
                {
                    Name = name.StartsWith("/dev/", StringComparison.Ordinal) ? name.Substring(5) : name,
                    Model = model,
                    Transport = transport,
                    SizeBytes = FactNumber.InRange(node["size"].AsInt64() ?? FactText.ParseBytes(Text(node["size"])), FactNumber.MaxStorageBytes, log, sourceId, name + " size"),
                    Removable = Flag(node["rm"]) == true,
                };
                device.Kind = KindOf(device, Flag(node["rota"]), FactText.Clean(Text(node["vendor"])));
                devices.Add(device);
            }

            return devices;
        }

        /// <summary>
        /// Disks from /sys/block/&lt;name&gt;/{size, queue/rotational, removable, device/model}: what lsblk itself reads, for
        /// machines without lsblk (minimal container images) or with one too old for -J. Size is in 512-byte sectors
        /// whatever the disk's own sector size.
        /// </summary>
        public static List<StorageDevice> ParseSysBlock(FactBundle bundle, ParseLog log)
        {
            var devices = new List<StorageDevice>();
            foreach (var size in bundle.WithPrefix(FactSourceIds.BlockPrefix).Where(s => s.Id.EndsWith("/size", StringComparison.Ordinal) && s.HasUsableOutput))
            {
                var directory = size.Id.Substring(0, size.Id.Length - "size".Length);
                string? Read(string file) => FactText.Clean(bundle.Get(directory + file) is FactSource s && s.HasUsableOutput ? s.Output : null);
                var device = new StorageDevice
                {
                    Name = directory.Substring(FactSourceIds.BlockPrefix.Length).TrimEnd('/'),
                    Model = Read("device/model"),
                    SizeBytes = FactNumber.Scaled(FactText.ParseLong(size.Output), 512, FactNumber.MaxStorageBytes, log, size.Id, "size in sectors"),
                    Removable = Read("removable") == "1",
                };
                device.Kind = KindOf(device, Read("queue/rotational") switch { "1" => true, "0" => false, _ => (bool?)null }, Read("device/vendor"));
                devices.Add(device);
            }

            return devices;
        }

        public static List<StorageVolume> ParseDiskFree(string text, string sourceId, ParseLog log)
        {
            var volumes = new List<StorageVolume>();
            foreach (var line in FactText.Lines(text))
            {
                var fields = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 6 || FactText.ParseLong(fields[1]) is not long size)
                {
                    continue; // the header, or a wrapped line
                }

                volumes.Add(new StorageVolume
                {
                    Device = fields[0],
                    SizeBytes = FactNumber.InRange(size, FactNumber.MaxStorageBytes, log, sourceId, "size"),
                    FreeBytes = FactNumber.InRange(FactText.ParseLong(fields[3]), FactNumber.MaxStorageBytes, log, sourceId, "free space"),
                    MountPoint = string.Join(" ", fields, 5, fields.Length - 5),
                });
            }

            return volumes;
        }

        private static string KindOf(StorageDevice device, bool? rotational, string? vendor)
        {
            var model = (device.Model ?? string.Empty).ToUpperInvariant();
            foreach (var marker in VirtualModels)
            {
                if (model.Contains(marker) || string.Equals(vendor, "Msft", StringComparison.OrdinalIgnoreCase))
                {
                    return "Virtual";
                }
            }

            if (string.Equals(device.Transport, "nvme", StringComparison.OrdinalIgnoreCase) || device.Name.StartsWith("nvme", StringComparison.Ordinal))
            {
                return "NVMe";
            }

            if (device.Name.StartsWith("vd", StringComparison.Ordinal) || device.Name.StartsWith("xvd", StringComparison.Ordinal))
            {
                return "Virtual";
            }

            return rotational switch
            {
                true => "HDD",
                false => "SSD",
                _ => "Unknown",
            };
        }

        private static string? Text(JsonNode node) => node.AsString() ?? node.NumberText ?? (node.AsBoolean() is bool b ? (b ? "1" : "0") : null);

        private static bool? Flag(JsonNode node) => node.AsBoolean() ?? (Text(node) switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => (bool?)null,
        });
    }
}
