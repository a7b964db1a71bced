using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// Collects the raw facts of this machine into a bundle: native tools run in parallel (each with its own timeout),
    /// files are read as they are. Nothing is interpreted here; that is the parsers' job.
    /// </summary>
    public static class FactCollector
    {
        public static FactBundle Collect(CollectorOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var bundle = new FactBundle
            {
                ComputerName = Environment.MachineName,
                CollectedAt = DateTimeOffset.UtcNow,
                Platform = windows ? "Windows" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "MacOS" : "Linux",
                CollectorVersion = options.CollectorVersion,
            };

            var sources = windows ? Windows(options) : Linux(options);
            foreach (var source in sources)
            {
                bundle.Add(options.IncludeIdentifiers ? source : FactRedaction.Redact(source)); // before anything is kept or written
            }

            return bundle;
        }

        private static IEnumerable<FactSource> Linux(CollectorOptions options)
        {
            // Linux 6.1+ names the architecture in a file; older kernels need uname.
            var architecture = FileFacts.Read(FactSourceIds.ArchitectureFile);

            // The slowest first (an interpreter start, the NVIDIA driver query), so they overlap everything else.
            var commands = new List<Task<FactSource>>
            {
                Run(options, FactSourceIds.PythonPackages, PythonLocator.Find("python3"), "python3", new[] { "-S", "-c", FactSourceIds.PythonPackagesScript }),
                Command(options, FactSourceIds.NvidiaSmiXml, "nvidia-smi", new[] { "-q", "-x" }),
                Command(options, FactSourceIds.NvidiaSmiComputeCap, "nvidia-smi", new[] { "--query-gpu=index,pci.bus_id,compute_cap", "--format=csv,noheader" }),
                Command(options, FactSourceIds.NvidiaSmiTopology, "nvidia-smi", new[] { "topo", "-m" }),
                Command(options, FactSourceIds.RocmSmiJson, "rocm-smi", new[] { "--showallinfo", "--json" }, "/opt/rocm/bin/rocm-smi"),
                Command(options, FactSourceIds.AmdSmiStatic, "amd-smi", new[] { "static" }, "/opt/rocm/bin/amd-smi"),
                Command(options, FactSourceIds.Lspci, "lspci", new[] { "-nn" }, "/usr/bin/lspci", "/sbin/lspci", "/usr/sbin/lspci"),
                Command(options, FactSourceIds.Lscpu, "lscpu", Array.Empty<string>()),
                Command(options, FactSourceIds.Lsblk, "lsblk", new[] { "-J", "-b", "-o", "NAME,TYPE,SIZE,ROTA,TRAN,MODEL,RM" }),
                Command(options, FactSourceIds.DiskFree, "df", new[] { "-P", "-B1", "-x", "tmpfs", "-x", "devtmpfs", "-x", "squashfs", "-x", "overlay" }),
                Command(options, FactSourceIds.Nvcc, "nvcc", new[] { "--version" }, "/usr/local/cuda/bin/nvcc"),
            };

            var files = new List<string>
            {
                FactSourceIds.CpuInfo, FactSourceIds.CpuMaxFrequency, FactSourceIds.MemInfo, FactSourceIds.CgroupV2MemoryMax,
                FactSourceIds.CgroupV1MemoryLimit, FactSourceIds.CgroupV2CpuMax, FactSourceIds.CgroupV1CpuQuota, FactSourceIds.CgroupV1CpuPeriod, FactSourceIds.OsRelease, FactSourceIds.KernelRelease, FactSourceIds.ContainerEnvFile,
                FactSourceIds.NvidiaDriverVersionFile, FactSourceIds.CudaVersionJson, FactSourceIds.CudnnVersionHeader,
                FactSourceIds.CudnnVersionHeaderCuda, FactSourceIds.NcclHeader, FactSourceIds.RocmVersionFile,
            };
            files.AddRange(FileFacts.Children(FactSourceIds.EdacPrefix).Where(d => d.StartsWith("mc", StringComparison.Ordinal)).Select(mc => FactSourceIds.EdacPrefix + mc + "/mc_name"));
            foreach (var name in FileFacts.Children(FactSourceIds.NetPrefix))
            {
                files.AddRange(new[] { "type", "mtu", "operstate", "speed" }.Select(file => FactSourceIds.NetPrefix + name + "/" + file));
            }

            // What lsblk reads, so disks are known where lsblk is missing (minimal images) or too old for -J.
            foreach (var disk in FileFacts.Children(FactSourceIds.BlockPrefix).Where(IsDisk))
            {
                files.AddRange(new[] { "size", "removable", "queue/rotational", "device/model", "device/vendor" }.Select(file => FactSourceIds.BlockPrefix + disk + "/" + file));
            }

            foreach (var device in FileFacts.Children(FactSourceIds.InfinibandPrefix))
            {
                foreach (var port in FileFacts.Children(FactSourceIds.InfinibandPrefix + device + "/ports"))
                {
                    files.AddRange(new[] { "rate", "state", "link_layer" }.Select(file => FactSourceIds.InfinibandPrefix + device + "/ports/" + port + "/" + file));
                }
            }

            if (architecture.Status != FactSourceStatus.Ok)
            {
                commands.Add(Command(options, FactSourceIds.Architecture, "uname", new[] { "-m" }));
            }

            options.Log?.Invoke("Reading " + files.Count + " files while " + commands.Count + " commands run.");
            var read = files.Select(FileFacts.Read).Prepend(architecture).ToList();
            return read.Concat(Await(commands));
        }

        private static bool IsDisk(string name) =>
            !new[] { "loop", "ram", "zram", "dm-", "sr", "md", "nbd" }.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

        private static IEnumerable<FactSource> Windows(CollectorOptions options)
        {
            var system32 = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System));
            var nvsmi = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "NVIDIA Corporation", "NVSMI", "nvidia-smi.exe");
            var smiFallbacks = new[] { Path.Combine(system32, "nvidia-smi.exe"), nvsmi };
            const string ClassKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}";
            var commands = new List<Task<FactSource>>
            {
                Command(options, FactSourceIds.NvidiaSmiXmlWindows, "nvidia-smi.exe", new[] { "-q", "-x" }, smiFallbacks),
                Command(options, FactSourceIds.NvidiaSmiComputeCapWindows, "nvidia-smi.exe", new[] { "--query-gpu=index,pci.bus_id,compute_cap", "--format=csv,noheader" }, smiFallbacks),
                Command(options, FactSourceIds.DisplayAdapterMemoryRegistry, "reg.exe", new[] { "query", ClassKey, "/s", "/v", "HardwareInformation.qwMemorySize" }),
                Command(options, FactSourceIds.DisplayAdapterNameRegistry, "reg.exe", new[] { "query", ClassKey, "/s", "/v", "DriverDesc" }),
                Command(options, FactSourceIds.PythonPackagesWindows, "python.exe", new[] { "-S", "-c", FactSourceIds.PythonPackagesScript }),
            };

            var cim = new[]
            {
                FactSourceIds.CimProcessor, FactSourceIds.CimComputerSystem, FactSourceIds.CimPhysicalMemory, FactSourceIds.CimPhysicalMemoryArray,
                FactSourceIds.CimOperatingSystem, FactSourceIds.CimVideoController, FactSourceIds.CimPhysicalDisk, FactSourceIds.CimDiskDrive,
                FactSourceIds.CimLogicalDisk, FactSourceIds.CimNetworkAdapter,
            };
            var cimSources = cim.Select(id => Task.Run(() => CimSource(options, id))).ToList();
            return Await(cimSources).Concat(Await(commands));
        }

        private static FactSource CimSource(CollectorOptions options, string id)
        {
            // id: cim:<namespace>:<class>
            var source = new FactSource(id);
            if (options.Cim is null)
            {
                source.Status = FactSourceStatus.Absent;
                source.Error = "CIM is not available in this host.";
                return source;
            }

            var parts = id.Split(':');
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                source.Output = options.Cim(parts[1], parts[2]);
            }
#pragma warning disable CA1031 // a CIM provider can fail in any way; the inventory must go on without it
            catch (Exception ex)
#pragma warning restore CA1031
            {
                source.Status = ex is UnauthorizedAccessException ? FactSourceStatus.Denied : FactSourceStatus.Failed;
                source.Error = ex.GetType().Name + ": " + ex.Message;
            }

            source.DurationMs = watch.ElapsedMilliseconds;
            return source;
        }

        private static Task<FactSource> Command(CollectorOptions options, string id, string tool, string[] arguments, params string[] fallbacks) =>
            Run(options, id, CommandLocator.Find(tool, fallbacks), tool, arguments);

        private static Task<FactSource> Run(CollectorOptions options, string id, string? path, string tool, string[] arguments)
        {
            if (path is null)
            {
                return Task.FromResult(new FactSource(id) { Status = FactSourceStatus.Absent, Error = tool + " was not found on PATH." });
            }

            options.Log?.Invoke("Running " + id.Split('\n')[0]);
            return Task.Factory.StartNew(() => ProcessRunner.Run(id, path, arguments, options.Timeout, options.MaxOutputBytes), TaskCreationOptions.LongRunning);
        }

        private static IEnumerable<FactSource> Await(List<Task<FactSource>> tasks)
        {
            Task.WaitAll(tasks.ToArray());
            return tasks.Select(t => t.Result).ToList();
        }
    }
}
