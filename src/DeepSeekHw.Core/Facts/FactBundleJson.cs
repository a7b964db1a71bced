using System;
using System.Collections.Generic;
using System.Globalization;
using DeepSeekHw.Json;

namespace DeepSeekHw.Facts
{
    /// <summary>Reads and writes fact bundles as deepseekhw/facts@1 JSON.</summary>
    public static class FactBundleJson
    {
        /// <summary>The largest bundle Get-DeepSeekHardware reads unless told otherwise: a real one is 15-300 KiB.</summary>
        public const long DefaultMaxBundleBytes = 64L * 1024 * 1024;

        public static string Write(FactBundle bundle)
        {
            if (bundle is null)
            {
                throw new ArgumentNullException(nameof(bundle));
            }

            var sources = new List<KeyValuePair<string, JsonNode>>();
            foreach (var source in bundle.Sources)
            {
                var fields = new List<KeyValuePair<string, JsonNode>>
                {
                    Field("status", JsonNode.FromString(StatusName(source.Status))),
                    Field("exitCode", source.ExitCode is int code ? JsonNode.FromNumber(code) : JsonNode.Null),
                    Field("output", JsonNode.FromString(source.Output)),
                    Field("error", JsonNode.FromString(source.Error)),
                };
                if (source.DurationMs is long duration)
                {
                    fields.Add(Field("durationMs", JsonNode.FromNumber(duration)));
                }

                if (source.Truncated)
                {
                    fields.Add(Field("truncated", JsonNode.FromBoolean(true)));
                }

                sources.Add(Field(source.Id, JsonNode.FromObject(fields)));
            }

            var document = JsonNode.FromObject(new[]
            {
                Field("schema", JsonNode.FromString(FactBundle.SchemaId)),
                Field("computerName", JsonNode.FromString(bundle.ComputerName)),
                Field("collectedAt", JsonNode.FromString(bundle.CollectedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
                Field("platform", JsonNode.FromString(bundle.Platform)),
                Field("collector", JsonNode.FromObject(new[]
                {
                    Field("name", JsonNode.FromString(bundle.CollectorName)),
                    Field("version", JsonNode.FromString(bundle.CollectorVersion)),
                })),
                Field("sources", JsonNode.FromObject(sources)),
            });
            return JsonWriter.Write(document);
        }

        /// <summary>Parses a bundle; anything that is not a deepseekhw/facts@1 document is a <see cref="FactBundleException"/>.</summary>
        public static FactBundle Read(string json)
        {
            if (!JsonParser.TryParse(json, out var root, out var error))
            {
                throw new FactBundleException("The fact bundle is not valid JSON: " + error);
            }

            if (root.Kind != JsonKind.Object)
            {
                throw new FactBundleException("The fact bundle must be a JSON object.");
            }

            var schema = root["schema"].AsString();
            if (!string.Equals(schema, FactBundle.SchemaId, StringComparison.Ordinal))
            {
                throw new FactBundleException(string.Format(
                    CultureInfo.InvariantCulture,
                    "The file's schema is '{0}', not '{1}'. Collect it again with Export-DeepSeekFactBundle.",
                    schema ?? "(none)",
                    FactBundle.SchemaId));
            }

            var bundle = new FactBundle
            {
                ComputerName = root["computerName"].AsString() ?? string.Empty,
                Platform = root["platform"].AsString() ?? string.Empty,
                CollectorName = root["collector"]["name"].AsString() ?? string.Empty,
                CollectorVersion = root["collector"]["version"].AsString() ?? string.Empty,
            };
            if (DateTimeOffset.TryParse(root["collectedAt"].AsString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var collectedAt))
            {
                bundle.CollectedAt = collectedAt;
            }

            if (root["sources"].Kind != JsonKind.Object)
            {
                throw new FactBundleException("The fact bundle has no 'sources' object.");
            }

            foreach (var property in root["sources"].Properties)
            {
                var value = property.Value;
                if (value.Kind != JsonKind.Object)
                {
                    throw new FactBundleException("Source '" + property.Key + "' must be an object.");
                }

                bundle.Add(new FactSource(property.Key)
                {
                    Status = ParseStatus(value["status"].AsString(), value),
                    ExitCode = value["exitCode"].AsInt32(),
                    Output = value["output"].AsString(),
                    Error = value["error"].AsString(),
                    DurationMs = value["durationMs"].AsInt64(),
                    Truncated = value["truncated"].AsBoolean() == true,
                });
            }

            return bundle;
        }

        private static KeyValuePair<string, JsonNode> Field(string name, JsonNode value) => new KeyValuePair<string, JsonNode>(name, value);

        private static string StatusName(FactSourceStatus status) => status switch
        {
            FactSourceStatus.Ok => "ok",
            FactSourceStatus.Absent => "absent",
            FactSourceStatus.TimedOut => "timedOut",
            FactSourceStatus.Denied => "denied",
            _ => "failed",
        };

        // Hand-written bundles (as in the example) may leave status out: a source with output is "ok".
        private static FactSourceStatus ParseStatus(string? status, JsonNode value) => status switch
        {
            null => value["output"].Kind == JsonKind.String ? FactSourceStatus.Ok : FactSourceStatus.Absent,
            "ok" => FactSourceStatus.Ok,
            "absent" => FactSourceStatus.Absent,
            "timedOut" => FactSourceStatus.TimedOut,
            "denied" => FactSourceStatus.Denied,
            _ => FactSourceStatus.Failed,
        };
    }
}
