using System;
using System.IO;
using DeepSeekHw.HelpGen;

// Usage: DeepSeekHw.HelpGen <cmdlet assembly> <xml doc file> <output MAML file>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: DeepSeekHw.HelpGen <DeepSeekHw.dll> <DeepSeekHw.xml> <out/en-US/DeepSeekHw.dll-Help.xml>");
    return 2;
}

try
{
    var help = MamlGenerator.Generate(args[0], args[1]);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[2]))!);
    help.Save(args[2]);
    return 0;
}
catch (HelpSourceException ex)
{
    // Missing help is a build error: every cmdlet must document itself.
    Console.Error.WriteLine("error DSH0001: " + ex.Message);
    return 1;
}
