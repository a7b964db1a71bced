using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Json;

namespace DeepSeekHw.Catalog
{
    /// <summary>The seed guides' tiers and editions (embedded profiles.json, schema deepseekhw/profiles@1).</summary>
    public static class ProfileCatalog
    {
        public const string Schema = "deepseekhw/profiles@1";

        private static readonly Lazy<IReadOnlyList<HardwareProfile>> BuiltinProfiles = new Lazy<IReadOnlyList<HardwareProfile>>(() => Read(DeepSeekCatalog.ReadResource("profiles.json")));

        public static IReadOnlyList<HardwareProfile> Builtin => BuiltinProfiles.Value;

        public static HardwareProfile? Find(string name) =>
            Builtin.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        public static IReadOnlyList<HardwareProfile> Read(string json)
        {
            var root = JsonParser.Parse(json);
            if (root["schema"].AsString() != Schema)
            {
                throw new CatalogException("profiles.json: 'schema' must be \"" + Schema + "\".");
            }

            return root["profiles"].Items.Select(Profile).ToList();
        }

        private static HardwareProfile Profile(JsonNode p) => new HardwareProfile
        {
            Name = p["name"].AsString() ?? string.Empty,
            Edition = p["edition"].AsString() ?? string.Empty,
            Description = p["description"].AsString() ?? string.Empty,
            Source = p["source"].AsString() ?? string.Empty,
            GpuOptions = Array.AsReadOnly(p["gpu"].Items.Select(g => new ProfileGpuOption { Gpu = g["gpu"].AsString() ?? string.Empty, Count = g["count"].AsInt32() ?? 1 }).ToArray()),
            Interconnect = p["interconnect"].AsString(),
            Nodes = p["nodes"].AsInt32() ?? 1,
            MinCpuCores = p["cpu"]["cores"].AsInt32(),
            MinCpuThreads = p["cpu"]["threads"].AsInt32(),
            MinCpuFrequencyMHz = p["cpu"]["frequencyMHz"].AsDouble(),
            MinMemoryBytes = p["memory"]["bytes"].AsInt64(),
            RequiresEccMemory = p["memory"]["ecc"].AsBoolean() == true,
            RequiresNvme = p["storage"]["nvme"].AsBoolean() == true,
            MinStorageBytes = p["storage"]["bytes"].AsInt64(),
            MinStorageThroughputBytesPerSecond = p["storage"]["throughputBytesPerSecond"].AsInt64(),
            NetworkFabric = p["network"]["fabric"].AsString(),
            MinNetworkBitsPerSecond = p["network"]["bitsPerSecond"].AsInt64(),
            StorageNetworkBitsPerSecond = p["network"]["storageEthernetBitsPerSecond"].AsInt64(),
            ModelMaxParameters = p["model"]["maxParameters"].AsInt64(),
            ModelPrecision = p["model"]["precision"].AsString() is { } precision ? (WeightPrecision)Enum.Parse(typeof(WeightPrecision), precision) : (WeightPrecision?)null,
        };
    }
}
