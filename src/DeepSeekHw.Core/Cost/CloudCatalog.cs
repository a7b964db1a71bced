using System;
using System.Collections.Generic;
using System.Linq;
using DeepSeekHw.Catalog;
using DeepSeekHw.Json;

namespace DeepSeekHw.Cost
{
    /// <summary>One cloud GPU instance type with its dated, sourced on-demand price (null where none was found).</summary>
    public sealed class CloudInstance
    {
        public string Provider { get; internal set; } = string.Empty;

        public string Instance { get; internal set; } = string.Empty;

        /// <summary>The catalog GPU (Get-DeepSeekGpuSpec name).</summary>
        public string Gpu { get; internal set; } = string.Empty;

        public int GpuCount { get; internal set; }

        public int? Vcpu { get; internal set; }

        public double? RamGiB { get; internal set; }

        public string Region { get; internal set; } = string.Empty;

        public double? OnDemandUsdPerHour { get; internal set; }

        /// <summary>When the price was true: a month, a year, or a range for recalled list prices.</summary>
        public string AsOf { get; internal set; } = string.Empty;

        public string PriceBasis { get; internal set; } = string.Empty;

        public string Source { get; internal set; } = string.Empty;

        public override string ToString() => Provider + " " + Instance;
    }

    /// <summary>The cloud instances the cost estimates compare (embedded cloud.json, schema deepseekhw/cloud@1), read strictly.</summary>
    public static class CloudCatalog
    {
        public const string Schema = "deepseekhw/cloud@1";

        private static readonly Lazy<IReadOnlyList<CloudInstance>> Loaded = new Lazy<IReadOnlyList<CloudInstance>>(() => Read(DeepSeekCatalog.ReadResource("cloud.json")));

        public static IReadOnlyList<CloudInstance> Builtin => Loaded.Value;

        public static IReadOnlyList<CloudInstance> Read(string json)
        {
            var root = JsonParser.Parse(json);
            if (root["schema"].AsString() != Schema)
            {
                throw new CatalogException("cloud.json: 'schema' must be \"" + Schema + "\".");
            }

            return Array.AsReadOnly(root["instances"].Items.Select((row, i) =>
            {
                var where = "cloud.json: instances[" + i + "]";
                var price = StrictData.OptionalNumber(row, "onDemandUsdPerHour", where);
                if (price is double p && (p <= 0 || p > 10_000))
                {
                    throw new CatalogException(where + ": 'onDemandUsdPerHour' must be above 0 and at most 10000.");
                }

                var count = StrictData.Whole(row, "gpuCount", where);
                return new CloudInstance
                {
                    Provider = StrictData.Text(row, "provider", where),
                    Instance = StrictData.Text(row, "instance", where),
                    Gpu = StrictData.Text(row, "gpu", where),
                    GpuCount = count is >= 1 and <= 64 ? (int)count : throw new CatalogException(where + ": 'gpuCount' must be 1 to 64."),
                    Vcpu = (int?)row["vcpu"].AsInt64(),
                    RamGiB = row["ramGiB"].AsDouble(),
                    Region = StrictData.Text(row, "region", where),
                    OnDemandUsdPerHour = price,
                    AsOf = StrictData.Text(row, "asOf", where),
                    PriceBasis = StrictData.Text(row, "priceBasis", where),
                    Source = StrictData.Text(row, "source", where),
                };
            }).ToArray());
        }
    }
}
