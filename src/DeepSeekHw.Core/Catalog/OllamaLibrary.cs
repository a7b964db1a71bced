using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DeepSeekHw.Catalog
{
    /// <summary>Names in the Ollama library: which of a model's aliases is the tag `ollama run` takes.</summary>
    internal static class OllamaLibrary
    {
        // A library tag: the size alone ("deepseek-r1:7b"), or a variant spelled out with its type when the bare size now
        // names another model ("deepseek-r1:8b-llama-distill-q4_K_M": deepseek-r1:8b is the R1-0528 Qwen3 8B).
        private static readonly Regex Tag = new Regex(@"^deepseek-[a-z0-9.-]+:[0-9.]+[bm](-[a-z0-9-]+-q[0-9]_[a-zA-Z0-9_]+)?$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        /// <summary>Whether a name is shaped like a library tag; an alias too odd to decide in time is not one.</summary>
        public static bool IsTag(string name) => Tag.IsMatchWithin(name);

        /// <summary>The first alias shaped like a library tag, or null.</summary>
        public static string? TagIn(IEnumerable<string> aliases) => aliases.FirstOrDefault(IsTag);
    }
}
