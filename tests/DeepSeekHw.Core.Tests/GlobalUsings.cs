global using System;
global using System.Collections.Generic;
global using System.Globalization;
global using System.Linq;

namespace DeepSeekHw.Core.Tests
{
    internal static class WarningText
    {
        /// <summary>Warnings as a user reads them ("source: message"), for assertions on their wording.</summary>
        public static IEnumerable<string> Texts(this IEnumerable<InventoryWarning> warnings) => warnings.Select(w => w.ToString());
    }
}
