using System.Collections;
using System.Reflection;
using DeepSeekHw.Catalog;
using DeepSeekHw.Facts;
using DeepSeekHw.Inventory;
using DeepSeekHw.Readiness;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Fuzz;

/// <summary>
/// Feeds one input through the product and checks what must hold for any input: only the documented exception types
/// (a bundle or catalog refused as invalid, a sizing request refused), no negative size, no control character in any
/// text a person sees, and a fit that is never claimed beyond the budget.
/// </summary>
internal static class Target
{
    private static readonly DeepSeekCatalog Catalog = DeepSeekCatalog.Builtin;
    private static readonly ModelSpec Distill = Catalog.FindModel("DeepSeek-R1-Distill-Qwen-7B")!;

    /// <summary>Null when the input was handled as it must be, else what went wrong.</summary>
    public static string? Run(FuzzInput input, int caseNumber)
    {
        try
        {
            return input switch
            {
                BundleInput bundle => Interpret(bundle.Bundle, caseNumber),
                BundleJsonInput json => ReadBundle(json.Json, caseNumber),
                CatalogJsonInput catalog => ReadCatalog(catalog.Json),
                _ => "unknown input kind",
            };
        }
#pragma warning disable CA1031 // the point of a fuzzer: every unexpected exception is a finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.GetType().Name + ": " + ex.Message + " at " + ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        }
    }

    private static string? ReadBundle(string json, int caseNumber)
    {
        FactBundle bundle;
        try
        {
            bundle = FactBundleJson.Read(json);
        }
        catch (FactBundleException)
        {
            return null; // refused as invalid: the documented outcome
        }

        return Interpret(bundle, caseNumber);
    }

    private static string? Interpret(FactBundle bundle, int caseNumber)
    {
        var inventory = InventoryParser.Interpret(bundle, Catalog);
        if (Violation(inventory, "inventory") is { } violation)
        {
            return violation;
        }

        if (caseNumber % 8 == 0)
        {
            var request = new ReadinessRequest(inventory, new SizingRequest(Distill));
            try
            {
                var assessment = ReadinessEngine.Assess(request, Catalog, CompatibilityChecklist.Builtin);
                var checks = assessment.Checks;
                assessment.Summarize();
                return checks.Select(c => Violation(c, "check " + c.CheckId)).FirstOrDefault(v => v != null);
            }
            catch (SizingException)
            {
                return null;
            }
        }

        return null;
    }

    private static string? ReadCatalog(string json)
    {
        CatalogDocument document;
        try
        {
            document = CatalogReader.Read(json, "fuzz.json");
        }
        catch (CatalogException)
        {
            return null;
        }

        var gpus = document.Gpus.Take(2).Concat(new[] { Catalog.FindGpu("H100-SXM")! }).ToList();
        foreach (var model in document.Models.Take(3).DefaultIfEmpty(Distill))
        {
            foreach (var gpu in gpus)
            {
                try
                {
                    var estimate = SizingEngine.Estimate(new SizingRequest(model!) { Gpu = gpu });
                    if (Violation(estimate, "estimate") is { } violation)
                    {
                        return violation;
                    }

                    if (estimate.Fits == true && estimate.PerGpuBytes > estimate.PerGpuBudgetBytes)
                    {
                        return "estimate claims a fit beyond the budget";
                    }
                }
                catch (SizingException)
                {
                }
            }
        }

        return null;
    }

    // Any object the product returns: sizes and rates never negative, text never carries control characters.
    private static string? Violation(object target, string path, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(GpuSpec))
            {
                continue;
            }

            var value = property.GetValue(target);
            var where = path + "." + property.Name;
            switch (value)
            {
                case long number when number < 0 && (property.Name.EndsWith("Bytes", StringComparison.Ordinal) || property.Name.EndsWith("PerSecond", StringComparison.Ordinal)):
                    return where + " is negative: " + number;
                case string text when property.Name != "Assumptions" && text.Any(char.IsControl):
                    return where + " holds a control character";
                case string:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is string s && s.Any(char.IsControl))
                        {
                            return where + "[" + index + "] holds a control character";
                        }

                        if (item != null && item is not string && item.GetType().Namespace == "DeepSeekHw" && Violation(item, where + "[" + index + "]", depth + 1) is { } inner)
                        {
                            return inner;
                        }

                        index++;
                    }

                    break;
                default:
                    if (value != null && value.GetType().IsClass && value.GetType().Namespace == "DeepSeekHw" && Violation(value, where, depth + 1) is { } nested)
                    {
                        return nested;
                    }

                    break;
            }
        }

        return null;
    }
}
