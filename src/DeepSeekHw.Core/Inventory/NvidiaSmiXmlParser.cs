using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Reads nvidia-smi -q -x by element name, so schema versions v10 to v13 (and excerpts missing whole sections) all
    /// parse. Streams GPU by GPU: a truncated document keeps every GPU that was complete before the cut.
    /// </summary>
    internal static class NvidiaSmiXmlParser
    {
        // nvidia-smi nests six elements deep at most; a document far deeper is hostile, and building it would take minutes.
        private const int MaxDepth = 32;

        public static List<GpuDevice> Parse(string xml, string sourceId, ParseLog log)
        {
            var gpus = new List<GpuDevice>();
            string? driver = null;
            string? cuda = null;
            int? attached = null;
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore, // the DOCTYPE names nvsmi_device_vNN.dtd, which is never at hand
                XmlResolver = null,
                IgnoreComments = true,
                MaxCharactersFromEntities = 1024,
            };

            if (TooDeep(xml, settings))
            {
                log.Warn(sourceId, WarningKind.Malformed, "the XML nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " elements, which nvidia-smi never does; no GPU was read from it.");
                return gpus;
            }

            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), settings);
                reader.Read();
                while (!reader.EOF)
                {
                    // ReadFrom and ReadElementContentAsString already move past the element: no extra Read() after them,
                    // or a sibling written without white space in between would be skipped.
                    if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                    {
                        reader.Read();
                        continue;
                    }

                    switch (reader.LocalName)
                    {
                        case "driver_version":
                            driver = FactText.Clean(reader.ReadElementContentAsString());
                            break;
                        case "cuda_version":
                            cuda = FactText.Clean(reader.ReadElementContentAsString());
                            break;
                        case "attached_gpus":
                            attached = FactText.ParseInt(reader.ReadElementContentAsString());
                            break;
                        case "gpu":
                            var element = (XElement)XNode.ReadFrom(reader);
                            gpus.Add(ReadGpu(element, gpus.Count, sourceId, log));
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }
            }

            catch (XmlException ex)
            {
                log.Warn(sourceId, WarningKind.Malformed, string.Format(
                    CultureInfo.InvariantCulture,
                    "the XML is truncated or malformed ({0}); kept the {1} GPU(s) read before that point.",
                    ex.Message,
                    gpus.Count));
            }

            if (attached is int count && count > gpus.Count)
            {
                log.Warn(sourceId, WarningKind.Incomplete, string.Format(CultureInfo.InvariantCulture, "reports {0} attached GPUs but describes {1}; the others are missing from the inventory.", count, gpus.Count));
            }

            foreach (var gpu in gpus)
            {
                gpu.DriverVersion ??= driver;
                gpu.CudaVersion ??= cuda;
            }

            if (gpus.Count > 0 && driver is null)
            {
                log.Warn(sourceId, WarningKind.Incomplete, "no driver_version element; the driver version is unknown.");
            }

            return gpus;
        }

        private static GpuDevice ReadGpu(XElement gpu, int index, string sourceId, ParseLog log)
        {
            var device = new GpuDevice
            {
                Index = index, // nvidia-smi lists GPUs in its own index order (PCI bus order), the order topo -m uses
                Name = Text(gpu, "product_name") ?? "Unknown NVIDIA GPU",
                Vendor = GpuVendor.NVIDIA,
                Architecture = Text(gpu, "product_architecture"),
                Uuid = Text(gpu, "uuid"),
                PciBusId = Text(gpu, "pci", "pci_bus_id") ?? FactText.Clean(gpu.Attribute("id")?.Value),
                PciId = PciId.FromNvidiaSmi(Text(gpu, "pci", "pci_device_id")),
                MemoryTotalBytes = FactNumber.InRange(FactText.ParseBytes(Text(gpu, "fb_memory_usage", "total")), FactNumber.MaxGpuMemoryBytes, log, sourceId, "GPU " + index.ToString(CultureInfo.InvariantCulture) + " framebuffer total"),
                MemoryUsedBytes = FactNumber.InRange(FactText.ParseBytes(Text(gpu, "fb_memory_usage", "used")), FactNumber.MaxGpuMemoryBytes, log, sourceId, "GPU " + index.ToString(CultureInfo.InvariantCulture) + " framebuffer used"),
                MigEnabled = OnOff(Text(gpu, "mig_mode", "current_mig")),
                EccEnabled = OnOff(Text(gpu, "ecc_mode", "current_ecc")),
                PersistenceMode = OnOff(Text(gpu, "persistence_mode")),
                DriverModel = Text(gpu, "driver_model", "current_dm"),
                PcieGeneration = FactNumber.Count(Text(gpu, "pci", "pci_gpu_link_info", "pcie_gen", "max_link_gen"), log, sourceId, "PCIe generation"),
                PcieLinkWidth = FactNumber.Count(Text(gpu, "pci", "pci_gpu_link_info", "link_widths", "max_link_width")?.TrimEnd('x', 'X'), log, sourceId, "PCIe width"),
                PowerLimitWatts = PowerLimit(gpu, index, sourceId, log),
                Source = sourceId,
            };

            if (device.MemoryTotalBytes is null)
            {
                log.Warn(sourceId, WarningKind.Incomplete, "GPU " + device.Index.ToString(CultureInfo.InvariantCulture) + " (" + device.Name + ") reports no framebuffer total.");
            }

            return device;
        }

        // Schema v12+ moved the board's readings to gpu_power_readings (current_power_limit); older drivers write
        // power_readings with enforced_power_limit (what binds) beside power_limit. "N/A" on boards without power management.
        private static int? PowerLimit(XElement gpu, int index, string sourceId, ParseLog log)
        {
            var text = Text(gpu, "gpu_power_readings", "current_power_limit")
                ?? Text(gpu, "power_readings", "enforced_power_limit")
                ?? Text(gpu, "power_readings", "power_limit");
            return FactNumber.Watts(text, log, sourceId, "GPU " + index.ToString(CultureInfo.InvariantCulture) + " power limit");
        }

        // One forward pass that only tracks depth: linear in the input, and it stops at the first element too deep.
        private static bool TooDeep(string xml, XmlReaderSettings settings)
        {
            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), settings);
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        return true;
                    }
                }
            }
            catch (XmlException)
            {
                // malformed: the real pass keeps what comes before the error and says so
            }

            return false;
        }

        private static string? Text(XElement root, params string[] path)
        {
            XElement? current = root;
            foreach (var name in path)
            {
                current = current.Elements().FirstOrDefault(e => e.Name.LocalName == name);
                if (current is null)
                {
                    return null;
                }
            }

            return current.HasElements ? null : FactText.Clean(current.Value);
        }

        private static bool? OnOff(string? value) => value?.ToUpperInvariant() switch
        {
            "ENABLED" or "ENABLE" or "ON" or "YES" => true,
            "DISABLED" or "DISABLE" or "OFF" or "NO" => false,
            _ => null,
        };
    }
}
