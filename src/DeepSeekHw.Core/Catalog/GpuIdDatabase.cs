using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DeepSeekHw.Json;

namespace DeepSeekHw.Catalog
{
    /// <summary>
    /// What a GPU is when the catalog does not know it: its chip, architecture and compute capability (NVIDIA) or gfx
    /// target (AMD), from the PCI device id the tool reported, else from the name it reported, else from the
    /// architecture it reported. Embedded gpu-ids.json (schema deepseekhw/gpu-ids@1): the PCI ID database's GPU devices
    /// joined with a hand-written chip table, each with its source (tools/catalog/Update-GpuIds.ps1 regenerates it).
    /// </summary>
    public sealed class GpuIdDatabase
    {
        public const string Schema = "deepseekhw/gpu-ids@1";

        private static readonly Lazy<GpuIdDatabase> BuiltinDatabase = new Lazy<GpuIdDatabase>(() => Read(DeepSeekCatalog.ReadResource("gpu-ids.json")));
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

        private readonly Dictionary<string, GpuDeviceRow> _byId;
        private readonly ILookup<string, GpuDeviceRow> _byName;
        private readonly List<GpuChipRow> _chips;
        private readonly List<GpuChipRow> _architectures;

        private GpuIdDatabase(JsonNode root)
        {
            const string File = "gpu-ids.json";
            PciIdsSource = StrictData.Text(root, "pciIds", File);
            var nvidiaSource = StrictData.Text(root, "nvidiaSource", File);
            var amdSource = StrictData.Text(root, "amdSource", File);
            string SourceOf(GpuVendor vendor) => vendor == GpuVendor.NVIDIA ? nvidiaSource : amdSource;
            _chips = root["chips"].Items.Select((r, i) => ChipRow(r, File + ": chips[" + i + "]", SourceOf, requireChip: true)).ToList();
            _architectures = root["architectures"].Items.Select((r, i) => ChipRow(r, File + ": architectures[" + i + "]", SourceOf, requireChip: false)).ToList();
            var devices = root["devices"].Items.Select((r, i) =>
            {
                var where = File + ": devices[" + i + "]";
                var id = StrictData.Text(r, "id", where).ToUpperInvariant();
                var chip = StrictData.Text(r, "chip", where);
                var name = StrictData.Text(r, "name", where);
                var vendor = id.StartsWith("10DE:", StringComparison.Ordinal) ? GpuVendor.NVIDIA : id.StartsWith("1002:", StringComparison.Ordinal) ? GpuVendor.AMD : throw new CatalogException(where + ": 'id' must be an NVIDIA (10DE:) or AMD (1002:) device id.");
                if (!_chips.Any(c => c.Vendor == vendor && c.Chip == chip))
                {
                    throw new CatalogException(where + ": chip '" + chip + "' is not in 'chips'.");
                }

                return new GpuDeviceRow(id, vendor, chip, name);
            }).ToList();
            _byId = new Dictionary<string, GpuDeviceRow>(StringComparer.Ordinal);
            foreach (var device in devices)
            {
                _byId[device.Id] = device; // a repeated id keeps its last name; pci.ids lists each once
            }

            _byName = devices.SelectMany(d => Alternatives(d.Name).Select(key => (key, d))).ToLookup(x => x.key, x => x.d, StringComparer.Ordinal);
        }

        public static GpuIdDatabase Builtin => BuiltinDatabase.Value;

        /// <summary>The PCI ID database version the device rows come from.</summary>
        public string PciIdsSource { get; }

        public int DeviceCount => _byId.Count;

        public static GpuIdDatabase Read(string json)
        {
            var root = JsonParser.Parse(json);
            if (root["schema"].AsString() != Schema)
            {
                throw new CatalogException("gpu-ids.json: 'schema' must be \"" + Schema + "\".");
            }

            return new GpuIdDatabase(root);
        }

        /// <summary>The chip behind a PCI id ("10DE:2204"), or null when the database does not list it.</summary>
        public GpuIdentity? FromPciId(string? pciId)
        {
            if (pciId is null || !_byId.TryGetValue(pciId.ToUpperInvariant(), out var device))
            {
                return null;
            }

            return Identity(device, "PCI device " + device.Id + " (" + device.Chip + ", " + device.Name + ") in the " + PciIdsSource);
        }

        /// <summary>
        /// The chip behind a reported product name ("NVIDIA GeForce RTX 3080", "Tesla P4"): an exact match of a name the
        /// PCI ID database gives, else names it begins, when they all share one chip. Null when unsure.
        /// </summary>
        public GpuIdentity? FromName(string? reported, GpuVendor vendor)
        {
            // A product name has a model number; "Graphics Device" (what old drivers call a GPU they cannot name) has none.
            var key = Key(reported);
            if (key.Length < 3 || !key.Any(char.IsDigit))
            {
                return null;
            }

            var candidates = _byName[key].Where(d => vendor == GpuVendor.Unknown || d.Vendor == vendor).ToList();
            if (candidates.Count == 0)
            {
                candidates = _byId.Values.Where(d => (vendor == GpuVendor.Unknown || d.Vendor == vendor) && Alternatives(d.Name).Any(a => a.StartsWith(key, StringComparison.Ordinal))).ToList();
            }

            var chips = candidates.Select(d => d.Chip).Distinct(StringComparer.Ordinal).ToList();
            if (chips.Count != 1)
            {
                return null;
            }

            var products = candidates.Select(d => d.Name).Distinct(StringComparer.Ordinal).ToArray();
            var identity = Identity(candidates[0], "product name '" + reported + "' = " + string.Join(" or ", products) + " (" + candidates[0].Chip + ") in the " + PciIdsSource);
            return products.Length == 1 ? identity : identity.OneOf(products);
        }

        /// <summary>Compute capability from a reported architecture ("Ampere") and name, where the architecture decides it.</summary>
        public GpuIdentity? FromArchitecture(string? architecture, string? reportedName, GpuVendor vendor)
        {
            if (string.IsNullOrWhiteSpace(architecture))
            {
                return null;
            }

            var row = _architectures.FirstOrDefault(a => a.Vendor == vendor && string.Equals(a.Architecture, architecture!.Trim(), StringComparison.OrdinalIgnoreCase) && a.Matches(reportedName));
            return row is null ? null : new GpuIdentity(null, row.Architecture, null, row.ComputeCapability, row.GfxTarget, "architecture " + architecture + " as reported, with the name (" + row.Source + ")");
        }

        private GpuIdentity Identity(GpuDeviceRow device, string basis)
        {
            // First matching row of the chip: a name rule (Aqua Vanjaram MI35x is gfx950) before the chip's default.
            var chip = _chips.First(c => c.Vendor == device.Vendor && c.Chip == device.Chip && c.Matches(device.Name));
            return new GpuIdentity(device.Chip, chip.Architecture, device.Name, chip.ComputeCapability, chip.GfxTarget, basis + "; " + chip.Source);
        }

        private static GpuChipRow ChipRow(JsonNode row, string where, Func<GpuVendor, string> source, bool requireChip)
        {
            var vendorText = StrictData.Text(row, "vendor", where);
            var vendor = vendorText == "NVIDIA" ? GpuVendor.NVIDIA : vendorText == "AMD" ? GpuVendor.AMD : throw new CatalogException(where + ": 'vendor' must be NVIDIA or AMD.");
            var chip = requireChip ? StrictData.Text(row, "chip", where) : null;
            var cc = row["computeCapability"].AsString();
            var gfx = row["gfxTarget"].AsString();
            if ((vendor == GpuVendor.NVIDIA ? cc : gfx) is null || (cc != null && !Regex.IsMatch(cc, @"^\d{1,2}\.\d$")) || (gfx != null && !Regex.IsMatch(gfx, "^gfx[0-9a-f]{3,4}$")))
            {
                throw new CatalogException(where + ": an NVIDIA row needs 'computeCapability' (\"8.6\"), an AMD row 'gfxTarget' (\"gfx90a\").");
            }

            var match = row["match"].AsString();
            Regex? pattern = null;
            if (match != null)
            {
                try
                {
                    pattern = new Regex(match, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
                }
                catch (ArgumentException ex)
                {
                    throw new CatalogException(where + ": 'match' is not a valid pattern: " + ex.Message);
                }
            }

            return new GpuChipRow(vendor, chip, StrictData.Text(row, "architecture", where), cc, gfx, pattern, source(vendor));
        }

        // "Radeon RX 6700/6700 XT/6750 XT" names three products: the whole, and each part after the first with the first's words.
        private static IEnumerable<string> Alternatives(string name)
        {
            var parts = name.Split('/');
            yield return Key(parts[0]);
            var words = parts[0].Trim().Split(' ');
            var stem = words.Length > 1 ? string.Join(" ", words.Take(words.Length - 1)) : string.Empty;
            foreach (var part in parts.Skip(1).Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                yield return Key(char.IsDigit(part[0]) && stem.Length > 0 ? stem + " " + part : part);
            }
        }

        // Vendor words and the laptop suffix vary between the tool and the database; letters and digits decide.
        private static string Key(string? name)
        {
            var text = Regex.Replace(name ?? string.Empty, @"^\s*(NVIDIA|AMD|ATI|Advanced Micro Devices,? Inc\.?)\s+", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            text = Regex.Replace(text, @"\bLaptop GPU\b", "Mobile", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return NameKey.Of(text);
        }

        private sealed class GpuDeviceRow
        {
            public GpuDeviceRow(string id, GpuVendor vendor, string chip, string name)
            {
                Id = id;
                Vendor = vendor;
                Chip = chip;
                Name = name;
            }

            public string Id { get; }

            public GpuVendor Vendor { get; }

            public string Chip { get; }

            public string Name { get; }
        }

        private sealed class GpuChipRow
        {
            private readonly Regex? _match;

            public GpuChipRow(GpuVendor vendor, string? chip, string architecture, string? computeCapability, string? gfxTarget, Regex? match, string source)
            {
                Vendor = vendor;
                Chip = chip;
                Architecture = architecture;
                ComputeCapability = computeCapability;
                GfxTarget = gfxTarget;
                _match = match;
                Source = source;
            }

            public GpuVendor Vendor { get; }

            public string? Chip { get; }

            public string Architecture { get; }

            public string? ComputeCapability { get; }

            public string? GfxTarget { get; }

            public string Source { get; }

            public bool Matches(string? name)
            {
                if (_match is null)
                {
                    return true;
                }

                return _match.IsMatchWithin(name ?? string.Empty);
            }
        }
    }

    /// <summary>What a GPU is, and on what basis it is known.</summary>
    public sealed class GpuIdentity
    {
        public GpuIdentity(string? chip, string architecture, string? productName, string? computeCapability, string? gfxTarget, string basis)
        {
            Chip = chip;
            Architecture = architecture;
            ProductName = productName;
            ComputeCapability = computeCapability;
            GfxTarget = gfxTarget;
            Basis = basis;
        }

        public string? Chip { get; }

        public string Architecture { get; }

        /// <summary>The product name the PCI ID database gives the device ("GeForce RTX 3090").</summary>
        public string? ProductName { get; }

        public string? ComputeCapability { get; }

        public string? GfxTarget { get; }

        public string Basis { get; }

        /// <summary>The products the name could be when it is not exact ("RTX PRO 6000 Blackwell": the Workstation or Max-Q edition); empty when exact.</summary>
        public IReadOnlyList<string> Candidates { get; private set; } = Array.Empty<string>();

        /// <summary>A device id or a full product name identifies the product; a shortened name only the chip.</summary>
        public bool IsExact => Candidates.Count == 0;

        internal GpuIdentity OneOf(IReadOnlyList<string> products)
        {
            var copy = (GpuIdentity)MemberwiseClone();
            copy.Candidates = products;
            return copy;
        }
    }
}
