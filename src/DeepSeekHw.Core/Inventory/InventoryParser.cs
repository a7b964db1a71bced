using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Catalog;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Turns a fact bundle into a <see cref="HardwareInventory"/> of what the machine reported, and nothing more: the
    /// catalog is not consulted here (<see cref="InventoryEnricher"/> does that next). Pure: no processes, files or
    /// clock. Every source is optional; what is missing or unreadable becomes a warning that names the source and its
    /// kind, and the rest still parses.
    /// </summary>
    public static class InventoryParser
    {
        /// <summary>The facts and the catalog's figures for them: <see cref="Parse"/>, then <see cref="InventoryEnricher.Enrich(HardwareInventory, DeepSeekCatalog)"/>.</summary>
        public static HardwareInventory Interpret(FactBundle bundle, DeepSeekCatalog catalog) => InventoryEnricher.Enrich(Parse(bundle), catalog);

        public static HardwareInventory Parse(FactBundle bundle)
        {
            if (bundle is null)
            {
                throw new ArgumentNullException(nameof(bundle));
            }

            var log = new ParseLog();
            var reader = new SourceReader(bundle, log);
            var inventory = new HardwareInventory
            {
                ComputerName = bundle.ComputerName,
                Platform = bundle.Platform,
                CollectedAt = bundle.CollectedAt,
            };

            var windows = string.Equals(bundle.Platform, "Windows", StringComparison.OrdinalIgnoreCase);
            Guard(log, "system", () =>
            {
                if (windows)
                {
                    WindowsSystem(inventory, bundle, reader, log);
                }
                else
                {
                    LinuxSystem(inventory, reader, bundle, log);
                }
            });

            Guard(log, "gpu", () => inventory.Gpus = Gpus(inventory, bundle, reader, log, windows).ToArray());
            inventory.GpuTools = GpuTools(bundle, log, windows);
            InventoryValidator.Apply(inventory, log);
            MemoryParser.Finish(inventory.Memory);
            inventory.Warnings = log.Warnings.ToArray();
            return inventory;
        }

        private static void LinuxSystem(HardwareInventory inventory, SourceReader reader, FactBundle bundle, ParseLog log)
        {
            var os = inventory.OperatingSystem;
            Apply(log, FactSourceIds.OsRelease, reader.Required(FactSourceIds.OsRelease, "the distribution is unknown"), text => OperatingSystemParser.ApplyOsRelease(os, text));
            Apply(log, FactSourceIds.KernelRelease, reader.Optional(FactSourceIds.KernelRelease), text => OperatingSystemParser.ApplyKernel(os, text));
            Apply(log, FactSourceIds.ArchitectureFile, reader.Optional(FactSourceIds.ArchitectureFile) ?? reader.Optional(FactSourceIds.Architecture), text => os.Architecture = FactText.Clean(text));
            var container = bundle.Get(FactSourceIds.ContainerEnvFile);
            os.IsContainer = container is null ? (bool?)null : container.Status == FactSourceStatus.Ok;

            var cpu = inventory.Cpu;
            Apply(log, FactSourceIds.CpuInfo, reader.Required(FactSourceIds.CpuInfo, "CPU model, cores and flags come from lscpu only"), text => CpuParser.ApplyCpuInfo(cpu, text));
            Apply(log, FactSourceIds.CpuMaxFrequency, reader.Optional(FactSourceIds.CpuMaxFrequency), text => CpuParser.ApplyMaxFrequency(cpu, text));
            Apply(log, FactSourceIds.Lscpu, reader.Optional(FactSourceIds.Lscpu), text => CpuParser.ApplyLscpu(cpu, text));
            cpu.LimitCores = CpuParser.CgroupLimit(reader.Optional(FactSourceIds.CgroupV2CpuMax), reader.Optional(FactSourceIds.CgroupV1CpuQuota), reader.Optional(FactSourceIds.CgroupV1CpuPeriod));
            if (cpu.Model is null && cpu.Threads is null)
            {
                log.Warn("cpu", WarningKind.Incomplete, "no CPU source could be read; CPU facts are unknown.");
            }

            var memory = inventory.Memory;
            Apply(log, FactSourceIds.MemInfo, reader.Required(FactSourceIds.MemInfo, "system memory is unknown"), text => MemoryParser.ApplyMemInfo(memory, text, FactSourceIds.MemInfo, log));
            Apply(log, FactSourceIds.CgroupV2MemoryMax, reader.Optional(FactSourceIds.CgroupV2MemoryMax), text => MemoryParser.ApplyCgroupLimit(memory, text));
            Apply(log, FactSourceIds.CgroupV1MemoryLimit, reader.Optional(FactSourceIds.CgroupV1MemoryLimit), text => MemoryParser.ApplyCgroupLimit(memory, text));
            if (bundle.WithPrefix(FactSourceIds.EdacPrefix).Any(s => s.Status == FactSourceStatus.Ok))
            {
                memory.EccEnabled = true; // an EDAC memory controller reports corrected errors: ECC is on
            }

            var storage = inventory.Storage;
            var sysBlock = StorageParser.ParseSysBlock(bundle, log);
            Apply(log, FactSourceIds.Lsblk, sysBlock.Count > 0 ? reader.Optional(FactSourceIds.Lsblk) : reader.Required(FactSourceIds.Lsblk, "disks are unknown"), text => storage.Devices = StorageParser.ParseLsblk(text, FactSourceIds.Lsblk, log).ToArray());
            if (storage.Devices.Length == 0)
            {
                storage.Devices = sysBlock.ToArray();
            }

            Apply(log, FactSourceIds.DiskFree, reader.Required(FactSourceIds.DiskFree, "free space is unknown"), text => storage.Volumes = StorageParser.ParseDiskFree(text, FactSourceIds.DiskFree, log).ToArray());
            inventory.Network = NetworkParser.Parse(bundle, log).ToArray();

            var software = inventory.Software;
            Apply(log, FactSourceIds.NvidiaDriverVersionFile, reader.Optional(FactSourceIds.NvidiaDriverVersionFile), text => software.NvidiaDriverVersion = SoftwareParser.NvidiaKernelModuleVersion(text));
            Apply(log, FactSourceIds.Nvcc, reader.Optional(FactSourceIds.Nvcc), text => software.CudaToolkitVersion = SoftwareParser.NvccVersion(text));
            Apply(log, FactSourceIds.CudaVersionJson, reader.Optional(FactSourceIds.CudaVersionJson), text => software.CudaToolkitVersion ??= SoftwareParser.CudaVersionJson(text));
            Apply(log, FactSourceIds.CudnnVersionHeader, reader.Optional(FactSourceIds.CudnnVersionHeader) ?? reader.Optional(FactSourceIds.CudnnVersionHeaderCuda), text => software.CudnnVersion = SoftwareParser.HeaderVersion(text, "CUDNN"));
            Apply(log, FactSourceIds.NcclHeader, reader.Optional(FactSourceIds.NcclHeader), text => software.NcclVersion = SoftwareParser.HeaderVersion(text, "NCCL"));
            Apply(log, FactSourceIds.RocmVersionFile, reader.Optional(FactSourceIds.RocmVersionFile), text => software.RocmVersion = FactText.Clean(FactText.Lines(text)[0]));
            ApplyPythonProbe(software, bundle, reader, log, FactSourceIds.PythonProbePrefix);
        }

        private static void WindowsSystem(HardwareInventory inventory, FactBundle bundle, SourceReader reader, ParseLog log)
        {
            foreach (var id in new[] { FactSourceIds.CimProcessor, FactSourceIds.CimComputerSystem, FactSourceIds.CimOperatingSystem })
            {
                reader.Required(id, "part of the CPU, memory or OS facts are unknown");
            }

            CimMapper.ApplyProcessors(inventory.Cpu, CimMapper.Instances(bundle, FactSourceIds.CimProcessor, log), log);
            foreach (var system in CimMapper.Instances(bundle, FactSourceIds.CimComputerSystem, log).Take(1))
            {
                CimMapper.ApplyComputerSystem(inventory, system, log);
            }

            foreach (var os in CimMapper.Instances(bundle, FactSourceIds.CimOperatingSystem, log).Take(1))
            {
                CimMapper.ApplyOperatingSystem(inventory, os, log);
            }

            CimMapper.ApplyPhysicalMemory(
                inventory.Memory,
                CimMapper.Instances(bundle, FactSourceIds.CimPhysicalMemory, log),
                CimMapper.Instances(bundle, FactSourceIds.CimPhysicalMemoryArray, log));

            var physical = CimMapper.PhysicalDisks(CimMapper.Instances(bundle, FactSourceIds.CimPhysicalDisk, log), log);
            inventory.Storage.Devices = (physical.Count > 0 ? physical : CimMapper.DiskDrives(CimMapper.Instances(bundle, FactSourceIds.CimDiskDrive, log), log)).ToArray();
            inventory.Storage.Volumes = CimMapper.LogicalDisks(CimMapper.Instances(bundle, FactSourceIds.CimLogicalDisk, log), log).ToArray();
            inventory.Network = CimMapper.NetAdapters(CimMapper.Instances(bundle, FactSourceIds.CimNetworkAdapter, log), log).ToArray();
            ApplyPythonProbe(inventory.Software, bundle, reader, log, FactSourceIds.PythonProbePrefixWindows);
        }

        private static List<GpuDevice> Gpus(HardwareInventory inventory, FactBundle bundle, SourceReader reader, ParseLog log, bool windows)
        {
            var gpus = new List<GpuDevice>();
            var software = inventory.Software;
            var smiId = windows ? FactSourceIds.NvidiaSmiXmlWindows : FactSourceIds.NvidiaSmiXml;
            var smi = reader.Gpu(smiId);
            if (smi != null)
            {
                Guard(log, smiId, () => gpus.AddRange(NvidiaSmiXmlParser.Parse(smi, smiId, log)));
                var first = gpus.FirstOrDefault();
                software.NvidiaDriverVersion = first?.DriverVersion ?? software.NvidiaDriverVersion;
                software.CudaDriverVersion = first?.CudaVersion;
            }

            var capabilities = reader.Optional(windows ? FactSourceIds.NvidiaSmiComputeCapWindows : FactSourceIds.NvidiaSmiComputeCap);
            if (capabilities != null)
            {
                Guard(log, windows ? FactSourceIds.NvidiaSmiComputeCapWindows : FactSourceIds.NvidiaSmiComputeCap, () =>
                {
                    var byIndex = NvidiaQueryParser.ComputeCapabilities(capabilities);
                    foreach (var gpu in gpus)
                    {
                        gpu.ComputeCapability = byIndex.TryGetValue(gpu.Index, out var cc) ? cc : null;
                    }
                });
            }

            var rocm = windows ? null : reader.Gpu(FactSourceIds.RocmSmiJson);
            if (rocm != null)
            {
                Guard(log, FactSourceIds.RocmSmiJson, () =>
                {
                    var amd = RocmSmiParser.Parse(rocm, FactSourceIds.RocmSmiJson, log, out var amdDriver);
                    software.AmdDriverVersion = amdDriver;
                    AddAll(gpus, amd);
                });
            }

            // amd-smi replaces rocm-smi from ROCm 6; either lists the same GPUs, so it is read only when rocm-smi listed none.
            var amdSmi = windows || gpus.Any(g => g.Vendor == GpuVendor.AMD) ? null : reader.Gpu(FactSourceIds.AmdSmiStatic);
            if (amdSmi != null)
            {
                Guard(log, FactSourceIds.AmdSmiStatic, () =>
                {
                    var amd = AmdSmiStaticParser.Parse(amdSmi, FactSourceIds.AmdSmiStatic, log);
                    software.AmdDriverVersion ??= amd.Select(g => g.DriverVersion).FirstOrDefault(v => v != null);
                    AddAll(gpus, amd);
                });
            }

            var topology = windows ? null : reader.Optional(FactSourceIds.NvidiaSmiTopology);
            if (topology != null && gpus.Count(g => g.Vendor == GpuVendor.NVIDIA) > 1)
            {
                Guard(log, FactSourceIds.NvidiaSmiTopology, () =>
                {
                    inventory.GpuLinks = NvidiaTopologyParser.Parse(topology, FactSourceIds.NvidiaSmiTopology, log).ToArray();
                    inventory.GpuInterconnect = NvidiaTopologyParser.Summarize(inventory.GpuLinks);
                });
            }

            if (windows)
            {
                Guard(log, FactSourceIds.CimVideoController, () => AddUnseen(gpus, WindowsAdapters(bundle, reader, log), log, matchByName: true));
            }
            else
            {
                var lspci = reader.Optional(FactSourceIds.Lspci);
                if (lspci != null)
                {
                    Guard(log, FactSourceIds.Lspci, () => AddUnseen(gpus, LspciParser.Parse(lspci, FactSourceIds.Lspci), log, matchByName: false));
                }
            }

            var tools = GpuToolRows(windows);
            if (gpus.Count == 0 && reader.NoGpuToolRan(tools.Select(t => t.Id).ToArray()))
            {
                log.Warn("gpu", WarningKind.NoGpuTool, "no GPU tool was found (" + string.Join(", ", tools.Select(t => t.ToolName)) + "); no GPU is listed. Install the vendor driver, or size for CPU inference.");
            }

            return gpus;
        }

        // A tool that ran but gave nothing usable (an error exit, a timeout, output that is not its format) failed.
        // The GPU tools of the platform's sources table: whose failure means "whether a GPU is present is unknown".
        private static FactSourceSpec[] GpuToolRows(bool windows) => FactSourceTable.For(windows ? "Windows" : "Linux").Where(r => r.IsGpuTool).ToArray();

        private static GpuToolStatus[] GpuTools(FactBundle bundle, ParseLog log, bool windows) =>
            GpuToolRows(windows).Select(tool =>
            {
                var source = bundle.Get(tool.Id);
                var state = source is null ? GpuToolState.NotRecorded
                    : source.Status == FactSourceStatus.Absent ? GpuToolState.Absent
                    : !source.HasUsableOutput || log.Warnings.Any(w => w.Source == tool.Id && w.Kind == WarningKind.Malformed) ? GpuToolState.Failed
                    : GpuToolState.Ok;
                return new GpuToolStatus { Tool = tool.ToolName!, SourceId = tool.Id, State = state };
            }).ToArray();

        private static void AddAll(List<GpuDevice> gpus, IEnumerable<GpuDevice> more)
        {
            foreach (var gpu in more)
            {
                gpu.Index = gpus.Count;
                gpus.Add(gpu);
            }
        }

        private static List<GpuDevice> WindowsAdapters(FactBundle bundle, SourceReader reader, ParseLog log)
        {
            var memoryQuery = reader.Optional(FactSourceIds.DisplayAdapterMemoryRegistry);
            var nameQuery = reader.Optional(FactSourceIds.DisplayAdapterNameRegistry);
            var memory = memoryQuery != null && nameQuery != null
                ? RegistryQueryParser.AdapterMemory(memoryQuery, nameQuery)
                : new Dictionary<string, long>();
            return CimMapper.VideoControllers(CimMapper.Instances(bundle, FactSourceIds.CimVideoController, log), memory, FactSourceIds.CimVideoController);
        }

        // GPUs the vendor tool did not list: lspci by bus id (driver missing), CIM by vendor and name.
        private static void AddUnseen(List<GpuDevice> gpus, List<GpuDevice> candidates, ParseLog log, bool matchByName)
        {
            var busIds = new HashSet<string>(gpus.Select(g => LspciParser.NormalizeBusId(g.PciBusId)));
            var fromVendorTool = gpus.Count;
            foreach (var candidate in candidates)
            {
                var seen = matchByName
                    ? gpus.Take(fromVendorTool).Any(g => g.Vendor == candidate.Vendor && (g.Name == candidate.Name || candidate.Vendor == GpuVendor.NVIDIA))
                    : busIds.Contains(LspciParser.NormalizeBusId(candidate.PciBusId));
                if (seen || (matchByName && candidate.Vendor == GpuVendor.Intel))
                {
                    continue; // integrated Intel graphics are not an inference target
                }

                candidate.Index = gpus.Count;
                gpus.Add(candidate);
                log.Warn(candidate.Source, WarningKind.GpuNotListedByVendorTool, string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} GPU '{1}'{2} is not listed by its vendor tool (driver or nvidia-smi/rocm-smi missing?); its memory and driver facts may be unknown.",
                    candidate.Vendor,
                    candidate.Name,
                    candidate.PciBusId is null ? string.Empty : " at " + candidate.PciBusId));
            }
        }

        // The probe's script may change between releases; its JSON output is what parsers read, so any recorded version
        // of the probe (any "python3 ..." source, with or without -S) is accepted and old bundles keep replaying.
        private static void ApplyPythonProbe(SoftwareStack software, FactBundle bundle, SourceReader reader, ParseLog log, string prefix)
        {
            var id = bundle.WithPrefix(prefix).Select(s => s.Id).LastOrDefault();
            if (id != null)
            {
                Apply(log, id, reader.Optional(id), text => SoftwareParser.ApplyPythonProbe(software, text, prefix + "<probe>", log));
            }
        }

        private static void Apply(ParseLog log, string sourceId, string? text, Action<string> apply)
        {
            if (text != null)
            {
                Guard(log, sourceId, () => apply(text));
            }
        }

        /// <summary>
        /// Runs one parser so that whatever it meets costs only its own facts: an exception it did not expect becomes a
        /// warning naming the source, and the rest of the bundle still parses.
        /// </summary>
        private static void Guard(ParseLog log, string sourceId, Action parse)
        {
            try
            {
                parse();
            }
#pragma warning disable CA1031 // untrusted input: no exception from one parser may cost the other sources
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.Warn(sourceId, WarningKind.Malformed, "could not be parsed (" + ex.GetType().Name + ": " + ex.Message + "); its facts are unknown.");
            }
        }
    }
}
