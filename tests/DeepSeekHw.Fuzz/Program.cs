using System.Diagnostics;
using System.Globalization;
using DeepSeekHw.Fuzz;

// Usage: DeepSeekHw.Fuzz [inputs=20000] [--seed N] [--case N]
// Exit code 0 when every input was handled within the time limit, 1 otherwise (the failing cases are printed).
var inputs = 20_000;
var seed = 1;
int? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--case": only = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: inputs = int.Parse(args[i], CultureInfo.InvariantCulture); break;
    }
}

var root = FindRepositoryRoot();
var seeds = Corpus.Load(root);
var limit = TimeSpan.FromSeconds(1);
var failures = new List<string>();
var slowest = (Time: TimeSpan.Zero, Case: string.Empty);
var total = Stopwatch.StartNew();
var first = only ?? 0;
var last = only ?? inputs - 1;
for (var n = first; n <= last; n++)
{
    var random = new Random(unchecked((seed * 1_000_003) + n));
    var source = seeds[n % seeds.Count];
    var (text, how) = Mutator.Mutate(source.Text, random);
    var label = string.Create(CultureInfo.InvariantCulture, $"case {n}: {source.Name} ({how}, {text.Length} chars)");
    var watch = Stopwatch.StartNew();
    var problem = Target.Run(source.Wrap(text), n);
    watch.Stop();
    if (problem != null)
    {
        failures.Add(label + ": " + problem);
    }
    else if (watch.Elapsed > limit)
    {
        failures.Add(label + string.Create(CultureInfo.InvariantCulture, $": took {watch.Elapsed.TotalSeconds:0.00} s (limit {limit.TotalSeconds:0} s)"));
    }

    if (watch.Elapsed > slowest.Time)
    {
        slowest = (watch.Elapsed, label);
    }
}

var count = last - first + 1;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fuzz: {count} inputs from {seeds.Count} seeds (seed {seed}) in {total.Elapsed.TotalSeconds:0.0} s; slowest {slowest.Time.TotalMilliseconds:0} ms ({slowest.Case}); {failures.Count} failure(s)"));
foreach (var failure in failures.Take(20))
{
    Console.WriteLine("  FAIL " + failure);
}

return failures.Count == 0 ? 0 : 1;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        if (Directory.Exists(Path.Combine(dir.FullName, "tests", "fixtures")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("tests/fixtures not found above " + AppContext.BaseDirectory);
}
