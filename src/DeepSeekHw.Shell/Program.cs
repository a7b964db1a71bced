using System;
using System.IO;
using DeepSeekHw.Shell;

ShellOptions options;
try
{
    options = ShellOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("deepseekhw: " + ex.Message);
    Console.Error.WriteLine(ShellOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(ShellOptions.Usage);
    return 0;
}

var modulePath = Path.Combine(AppContext.BaseDirectory, "Modules", "DeepSeekHw", "DeepSeekHw.psd1");
if (!File.Exists(modulePath))
{
    Console.Error.WriteLine("deepseekhw: module not found at " + modulePath + ". Build it first: dotnet build");
    return 2;
}

var plainText = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
return new ShellRunner(Console.Out, Console.Error, modulePath, ConsoleWidth()) { PlainText = plainText }.Run(options);

static int ConsoleWidth()
{
    if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 20)
    {
        return columns;
    }

    try
    {
        return Console.IsOutputRedirected || Console.WindowWidth <= 20 ? 160 : Console.WindowWidth;
    }
    catch (IOException)
    {
        return 160;
    }
}
