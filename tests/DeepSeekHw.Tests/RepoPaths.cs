namespace DeepSeekHw.Tests;

/// <summary>Locates the repository and the module folder the build lays out.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleDirectory => Path.Combine(Root, "out", "DeepSeekHw");

    public static string ModuleManifest => Path.Combine(ModuleDirectory, "DeepSeekHw.psd1");

    public static string SourceManifest => Path.Combine(Root, "module", "DeepSeekHw.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepSeekHw.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DeepSeekHw.sln not found above " + AppContext.BaseDirectory);
    }
}
