using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Inventory
{
    /// <summary>
    /// Reads the GPU-to-GPU matrix of nvidia-smi topo -m (space- or tab-separated, with or without ANSI underline in the
    /// header, NIC rows and legend after it). NV# cells are NVLink (# bonded links); X, SYS, NODE, PHB, PXB, PIX are PCIe paths.
    /// </summary>
    internal static class NvidiaTopologyParser
    {
        private static readonly Regex Ansi = new Regex(@"\x1B\[[0-9;]*[A-Za-z]", RegexOptions.CultureInvariant);
        private static readonly Regex GpuLabel = new Regex(@"^GPU(?<n>[0-9]+)$", RegexOptions.CultureInvariant);
        private static readonly Regex NvLink = new Regex(@"^NV(?<n>[0-9]+)$", RegexOptions.CultureInvariant);

        public static List<GpuLink> Parse(string text, string sourceId, ParseLog log)
        {
            var links = new List<GpuLink>();
            List<int>? columns = null;
            foreach (var rawLine in FactText.Lines(Ansi.Replace(text, string.Empty)))
            {
                var cells = rawLine.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (cells.Length == 0)
                {
                    if (columns != null && links.Count > 0)
                    {
                        break; // the legend follows the first blank line after the matrix
                    }

                    continue;
                }

                if (columns is null)
                {
                    if (GpuLabel.IsMatch(cells[0]))
                    {
                        columns = cells.TakeWhile(c => GpuLabel.IsMatch(c)).Select(c => Index(c, sourceId, log) ?? -1).ToList();
                    }

                    continue;
                }

                var row = GpuLabel.Match(cells[0]);
                if (!row.Success)
                {
                    continue; // NIC rows
                }

                if (Index(cells[0], sourceId, log) is not int gpu)
                {
                    continue;
                }

                for (var column = 0; column < columns.Count && column + 1 < cells.Length; column++)
                {
                    var peer = columns[column];
                    var cell = cells[column + 1];
                    if (peer <= gpu || cell == "X") // a column with an unreadable index is -1: skipped
                    {
                        continue; // each pair once
                    }

                    var nv = NvLink.Match(cell);
                    links.Add(new GpuLink
                    {
                        GpuIndex = gpu,
                        PeerIndex = peer,
                        Kind = nv.Success ? "NVLink" : "PCIe",
                        Detail = cell,
                        NvLinkCount = nv.Success ? FactNumber.Count(nv.Groups["n"].Value, log, sourceId, "NVLink count") ?? 0 : 0,
                    });
                }
            }

            if (columns is null)
            {
                log.Warn(sourceId, WarningKind.Malformed, "no GPU matrix in the output; the GPU interconnect is unknown.");
            }

            return links;
        }

        /// <summary>NVLink when every pair has NVLink, PCIe when none has, Mixed otherwise; null with no pairs.</summary>
        public static string? Summarize(IReadOnlyCollection<GpuLink> links)
        {
            if (links.Count == 0)
            {
                return null;
            }

            var nvlink = links.Count(l => l.NvLinkCount > 0);
            return nvlink == links.Count ? "NVLink" : nvlink == 0 ? "PCIe" : "Mixed";
        }

        private static int? Index(string label, string sourceId, ParseLog log) => FactNumber.Count(label.Substring(3), log, sourceId, "GPU label");
    }
}
