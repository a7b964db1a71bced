using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Json;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// CPU facts from /proc/cpuinfo (x86 and ARM layouts), refined by lscpu (flat, indented-tree or -J JSON layouts;
    /// several model blocks on big.LITTLE parts) and cpufreq's rated maximum.
    /// </summary>
    internal static class CpuParser
    {
        private static readonly Regex RatedGhz = new Regex(@"@\s*(?<ghz>[0-9]+(?:\.[0-9]+)?)\s*GHz", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        // Arm Ltd. (implementer 0x41) part numbers, for kernels whose /proc/cpuinfo names no model.
        private static readonly Dictionary<string, string> ArmParts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["0xd03"] = "Cortex-A53", ["0xd04"] = "Cortex-A35", ["0xd05"] = "Cortex-A55", ["0xd07"] = "Cortex-A57",
            ["0xd08"] = "Cortex-A72", ["0xd09"] = "Cortex-A73", ["0xd0a"] = "Cortex-A75", ["0xd0b"] = "Cortex-A76",
            ["0xd0c"] = "Neoverse-N1", ["0xd0d"] = "Cortex-A77", ["0xd40"] = "Neoverse-V1", ["0xd41"] = "Cortex-A78",
            ["0xd44"] = "Cortex-X1", ["0xd46"] = "Cortex-A510", ["0xd47"] = "Cortex-A710", ["0xd48"] = "Cortex-X2",
            ["0xd49"] = "Neoverse-N2", ["0xd4d"] = "Cortex-A715", ["0xd4e"] = "Cortex-X3", ["0xd4f"] = "Neoverse-V2",
            ["0xd80"] = "Cortex-A520", ["0xd81"] = "Cortex-A720", ["0xd82"] = "Cortex-X4", ["0xd84"] = "Neoverse-V3",
        };

        public static void ApplyCpuInfo(CpuInfo cpu, string text)
        {
            var armParts = new List<string>();
            var processors = 0;
            var sockets = new HashSet<string>(StringComparer.Ordinal);
            var cores = new HashSet<string>(StringComparer.Ordinal);
            int? coresPerSocket = null;
            int? siblings = null;
            string? socket = null;
            double? currentMhz = null;
            foreach (var line in FactText.Lines(text))
            {
                if (!FactText.TrySplit(line, ':', out var key, out var value))
                {
                    continue;
                }

                switch (key.ToLowerInvariant())
                {
                    case "processor":
                        if (FactText.ParseInt(value) != null)
                        {
                            processors++;
                            socket = null;
                        }
                        else
                        {
                            cpu.Model ??= FactText.Clean(value); // old ARM kernels: "Processor : ARMv7 ..."
                        }

                        break;
                    case "model name":
                    case "hardware":
                        cpu.Model ??= FactText.Clean(value);
                        break;
                    case "vendor_id":
                        cpu.Vendor ??= FactText.Clean(value);
                        break;
                    case "cpu part":
                        if (ArmParts.TryGetValue(value.Trim(), out var part) && !armParts.Contains(part))
                        {
                            armParts.Add(part);
                        }

                        break;
                    case "cpu implementer":
                        cpu.Vendor ??= value.Trim() == "0x41" ? "ARM" : "ARM implementer " + value.Trim();
                        break;
                    case "physical id":
                        socket = value;
                        sockets.Add(value);
                        break;
                    case "core id":
                        cores.Add((socket ?? "0") + "/" + value);
                        break;
                    case "cpu cores":
                        coresPerSocket ??= FactText.ParseInt(value);
                        break;
                    case "siblings":
                        siblings ??= FactText.ParseInt(value);
                        break;
                    case "cpu mhz":
                        currentMhz ??= FactText.ParseDouble(value);
                        break;
                    case "flags":
                    case "features":
                        if (cpu.Flags.Length == 0)
                        {
                            SetFlags(cpu, value);
                        }

                        break;
                }
            }

            if (processors == 0)
            {
                return;
            }

            if (cpu.Model is null && armParts.Count > 0 && cpu.Vendor == "ARM")
            {
                cpu.Model = string.Join(" + ", armParts);
            }

            var socketCount = Math.Max(1, sockets.Count);
            cpu.Sockets = sockets.Count > 0 ? sockets.Count : (int?)null;
            cpu.Threads = Clamp(Math.Max(processors, (long)(siblings ?? 0) * socketCount));
            cpu.Cores = cores.Count > 0 || coresPerSocket != null
                ? Clamp(Math.Max(cores.Count, (long)(coresPerSocket ?? 0) * socketCount))
                : processors; // ARM lists no cores: one thread per core
            cpu.MaxFrequencyMHz ??= RatedFrequency(cpu.Model) ?? currentMhz;
        }

        public static void ApplyLscpu(CpuInfo cpu, string text)
        {
            var fields = text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? FlattenJson(text) : FlatFields(text);
            string? vendor = null;
            var models = new List<string>();
            long cores = 0;
            int socketsMax = 0, perSocket = 0, sockets = 0;
            double? maxMhz = null;
            foreach (var (key, value) in fields)
            {
                switch (key)
                {
                    case "Vendor ID":
                        vendor ??= FactText.Clean(value);
                        break;
                    case "Model name":
                        cores += (long)perSocket * sockets; // close the previous model block
                        perSocket = sockets = 0;
                        if (FactText.Clean(value) is string model && !models.Contains(model))
                        {
                            models.Add(model);
                        }

                        break;
                    case "Core(s) per socket":
                    case "Core(s) per cluster":
                        perSocket = FactText.ParseInt(value) ?? perSocket;
                        break;
                    case "Socket(s)":
                    case "Cluster(s)":
                        if (FactText.ParseInt(value) is int count)
                        {
                            sockets = count;
                            socketsMax = Math.Max(socketsMax, key == "Socket(s)" ? count : 1);
                        }

                        break;
                    case "CPU(s)":
                        cpu.Threads = FactText.ParseInt(value) ?? cpu.Threads;
                        break;
                    case "CPU max MHz":
                        var mhz = FactText.ParseDouble(value);
                        maxMhz = mhz > (maxMhz ?? 0) ? mhz : maxMhz;
                        break;
                    case "Hypervisor vendor":
                        cpu.Virtualized = true;
                        break;
                    case "Flags":
                        SetFlags(cpu, value);
                        break;
                }
            }

            cores += (long)perSocket * sockets;
            cpu.Vendor = vendor ?? cpu.Vendor;
            if (models.Count > 0)
            {
                cpu.Model = string.Join(" + ", models.Select(m => Regex.Replace(m, @"\s+", " ")));
            }

            cpu.Cores = cores > 0 ? Clamp(cores) : cpu.Cores;
            cpu.Sockets = socketsMax > 0 ? socketsMax : cpu.Sockets;
            cpu.MaxFrequencyMHz = maxMhz ?? cpu.MaxFrequencyMHz ?? RatedFrequency(cpu.Model);
        }

        /// <summary>cpufreq's cpuinfo_max_freq, in kHz.</summary>
        /// <summary>
        /// CPUs a cgroup allows: v2 "cpu.max" is "quota period" or "max period"; v1 splits them over two files, -1 for
        /// no quota. Null when unlimited or unknown.
        /// </summary>
        public static double? CgroupLimit(string? cpuMax, string? v1Quota, string? v1Period)
        {
            string? quota = null;
            string? period = null;
            if (cpuMax != null)
            {
                var parts = cpuMax.Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries);
                quota = parts.Length > 0 ? parts[0] : null;
                period = parts.Length > 1 ? parts[1] : null;
            }
            else
            {
                quota = v1Quota;
                period = v1Period;
            }

            var q = FactText.ParseDouble(quota);
            var p = FactText.ParseDouble(period);
            return q > 0 && p > 0 ? Math.Round(q.Value / p.Value, 2) : (double?)null;
        }

        public static void ApplyMaxFrequency(CpuInfo cpu, string text)
        {
            if (FactText.ParseDouble(text) is double khz && khz > 0)
            {
                cpu.MaxFrequencyMHz = khz / 1000.0;
            }
        }

        // Counts from a hostile file can multiply past int: an impossible count is saturated here and refused by the validator.
        private static int Clamp(long count) => (int)Math.Min(int.MaxValue, Math.Max(0, count));

        public static void SetFlags(CpuInfo cpu, string value)
        {
            cpu.Flags = value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(f => f.ToLowerInvariant()).Distinct().ToArray();
            cpu.HasAvx2 = cpu.Flags.Contains("avx2");
            cpu.HasAvx512 = cpu.Flags.Contains("avx512f");
            cpu.HasAmx = cpu.Flags.Any(f => f.StartsWith("amx", StringComparison.Ordinal));
            // The flag says a hypervisor is there; its absence proves nothing (a VMware guest may hide it).
            cpu.Virtualized = cpu.Flags.Contains("hypervisor") ? true : cpu.Virtualized;
        }

        private static double? RatedFrequency(string? model)
        {
            var match = model is null ? Match.Empty : RatedGhz.Match(model);
            return match.Success && double.TryParse(match.Groups["ghz"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ghz) && ghz > 0 && ghz < 100
                ? ghz * 1000.0
                : null;
        }

        // Plain lscpu: "Key:   value" lines; the parsable (-p) listing after the first blank line is not ours.
        private static IEnumerable<(string Key, string Value)> FlatFields(string text)
        {
            foreach (var line in FactText.Lines(text))
            {
                if (line.Trim().Length == 0)
                {
                    yield break;
                }

                if (FactText.TrySplit(line, ':', out var key, out var value))
                {
                    yield return (key, value);
                }
            }
        }

        private static IEnumerable<(string Key, string Value)> FlattenJson(string text)
        {
            if (!JsonParser.TryParse(text, out var root, out _))
            {
                return Array.Empty<(string, string)>();
            }

            var fields = new List<(string, string)>();
            void Walk(JsonNode items)
            {
                foreach (var item in items.Items)
                {
                    var field = item["field"].AsString()?.TrimEnd(':').Trim();
                    if (field != null)
                    {
                        fields.Add((field, item["data"].AsString() ?? string.Empty));
                    }

                    Walk(item["children"]);
                }
            }

            Walk(root["lscpu"]);
            return fields;
        }
    }
}
