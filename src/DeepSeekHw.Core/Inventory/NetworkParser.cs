using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Interfaces from /sys/class/net/&lt;if&gt;/{speed,mtu,operstate,type} and RDMA ports from
    /// /sys/class/infiniband/&lt;dev&gt;/ports/&lt;n&gt;/{rate,state,link_layer}: one source per file.
    /// </summary>
    internal static class NetworkParser
    {
        private static readonly string[] VirtualPrefixes = { "docker", "veth", "br-", "virbr", "cni", "flannel", "cali", "tun", "tap", "vxlan", "kube", "lxc", "weave", "ifb", "dummy", "wg", "podman" };

        public static List<NetworkAdapter> Parse(FactBundle bundle, ParseLog log)
        {
            var adapters = new List<NetworkAdapter>();
            foreach (var group in Group(bundle, FactSourceIds.NetPrefix, 1))
            {
                var name = group.Key;
                var type = FactText.ParseInt(group.Value.Get("type"));
                var speedMbps = FactText.ParseLong(group.Value.Get("speed"));
                adapters.Add(new NetworkAdapter
                {
                    Name = name,
                    Kind = type == 772 || name == "lo" ? "Loopback"
                        : type == 32 ? "InfiniBand"
                        : VirtualPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) ? "Virtual"
                        : type == 1 || type is null ? "Ethernet" : "Other",
                    Mtu = FactNumber.Count(group.Value.Get("mtu"), log, FactSourceIds.NetPrefix + name + "/mtu", "MTU"),
                    State = FactText.Clean(group.Value.Get("operstate")),
                    SpeedBitsPerSecond = speedMbps > 0 ? FactNumber.Scaled(speedMbps, 1_000_000, FactNumber.MaxLinkBitsPerSecond, log, FactSourceIds.NetPrefix + name + "/speed", "link speed") : null, // -1 or empty: down or unknown
                });
            }

            foreach (var group in Group(bundle, FactSourceIds.InfinibandPrefix, 3))
            {
                // key: "<device>/ports/<n>"
                var parts = group.Key.Split('/');
                if (parts.Length != 3 || parts[1] != "ports")
                {
                    continue;
                }

                var linkLayer = FactText.Clean(group.Value.Get("link_layer"));
                var rate = FactText.Clean(group.Value.Get("rate"));
                var state = FactText.Clean(group.Value.Get("state"));
                adapters.Add(new NetworkAdapter
                {
                    Name = parts[0] + "/" + parts[2],
                    Kind = string.Equals(linkLayer, "Ethernet", StringComparison.OrdinalIgnoreCase) ? "RoCE" : "InfiniBand",
                    SpeedBitsPerSecond = RateBits(rate, FactSourceIds.InfinibandPrefix + group.Key + "/rate", log),
                    State = state is null ? null : state.Substring(state.IndexOf(':') + 1).Trim(), // "4: ACTIVE"
                    Description = rate,
                });
            }

            return adapters;
        }

        /// <summary>"200 Gb/sec (4X HDR)" → 200e9.</summary>
        private static long? RateBits(string? rate, string sourceId, ParseLog log)
        {
            var number = rate is null ? null : FactText.ParseDouble(rate.Split(' ')[0]);
            return number is double gbps && gbps > 0 ? FactNumber.FromDouble(gbps, 1e9, FactNumber.MaxLinkBitsPerSecond, log, sourceId, "link rate") : null;
        }

        // Groups file sources under prefix by the first `depth` path segments after it, mapping file name to text.
        private static IEnumerable<KeyValuePair<string, Dictionary<string, string>>> Group(FactBundle bundle, string prefix, int depth)
        {
            var groups = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var source in bundle.WithPrefix(prefix))
            {
                var parts = source.Id.Substring(prefix.Length).Split('/');
                if (parts.Length != depth + 1 || !source.HasUsableOutput)
                {
                    continue;
                }

                var key = string.Join("/", parts, 0, depth);
                if (!groups.TryGetValue(key, out var files))
                {
                    groups[key] = files = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                files[parts[depth]] = source.Output!.Trim();
            }

            return groups;
        }

        private static string? Get(this Dictionary<string, string> files, string name) => files.TryGetValue(name, out var value) ? value : null;
    }
}
