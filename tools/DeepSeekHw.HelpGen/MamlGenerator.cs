using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DeepSeekHw.HelpGen;

/// <summary>
/// Builds MAML from a cmdlet assembly and its XML documentation: the class summary is the synopsis, remarks the
/// description, each example's code and paragraphs an example, and each parameter property's summary its description.
/// Syntax, pipeline input and types come from the cmdlet attributes, so help never drifts from the code.
/// </summary>
public static class MamlGenerator
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Generate(string assemblyPath, string xmlDocPath)
    {
        var assembly = Assembly.LoadFrom(assemblyPath);
        var docs = XDocument.Load(xmlDocPath).Root!.Element("members")!.Elements("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m);
        var cmdlets = assembly.GetExportedTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
            .Where(c => c.Attribute != null)
            .OrderBy(c => c.Attribute!.VerbName + "-" + c.Attribute.NounName, StringComparer.Ordinal)
            .ToList();
        var names = cmdlets.Select(c => c.Attribute!.VerbName + "-" + c.Attribute.NounName).ToList();

        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
        foreach (var (type, attribute) in cmdlets)
        {
            root.Add(CommandHelp(type, attribute!, docs, names));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement CommandHelp(Type type, CmdletAttribute cmdlet, Dictionary<string, XElement> docs, List<string> allNames)
    {
        var name = cmdlet.VerbName + "-" + cmdlet.NounName;
        if (!docs.TryGetValue("T:" + type.FullName, out var doc))
        {
            throw new HelpSourceException(name + ": the cmdlet class has no XML doc comment.");
        }

        var synopsis = Text(doc.Element("summary")) ?? throw new HelpSourceException(name + ": <summary> (synopsis) is missing.");
        var description = Paragraphs(doc.Element("remarks"));
        if (description.Count == 0)
        {
            throw new HelpSourceException(name + ": <remarks> (description) is missing.");
        }

        var examples = doc.Elements("example").ToList();
        if (examples.Count < 2)
        {
            throw new HelpSourceException(name + ": at least two <example> elements are required.");
        }

        var parameters = Parameters(type, docs, name, cmdlet.SupportsShouldProcess);
        var setNames = parameters.SelectMany(p => p.Sets).Where(s => s != ParameterAttribute.AllParameterSets).Distinct().DefaultIfEmpty(ParameterAttribute.AllParameterSets).ToList();
        var outputs = type.GetCustomAttributes<OutputTypeAttribute>().SelectMany(o => o.Type).Select(t => t.Type?.FullName ?? t.Name).Distinct().ToList();
        var inputs = parameters.Where(p => p.PipelineInput != "False").Select(p => p.InputTypeName).Distinct().ToList();

        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", name),
                new XElement(Command + "verb", cmdlet.VerbName),
                new XElement(Command + "noun", cmdlet.NounName),
                new XElement(Maml + "description", Para(synopsis))),
            new XElement(Maml + "description", description.Select(Para)),
            new XElement(Command + "syntax",
                setNames.Select(set => new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", name),
                    parameters.Where(p => p.Sets.Contains(set) || p.Sets.Contains(ParameterAttribute.AllParameterSets)).Select(p => ParameterElement(p, set))))),
            new XElement(Command + "parameters", parameters.Select(p => ParameterElement(p, null))),
            new XElement(Command + "inputTypes", (inputs.Count > 0 ? inputs : new List<string> { "None" }).Select(t =>
                new XElement(Command + "inputType", new XElement(Dev + "type", new XElement(Maml + "name", t)), new XElement(Maml + "description", Para(string.Empty))))),
            new XElement(Command + "returnValues", outputs.Select(t =>
                new XElement(Command + "returnValue", new XElement(Dev + "type", new XElement(Maml + "name", t)), new XElement(Maml + "description", Para(string.Empty))))),
            new XElement(Command + "examples", examples.Select((example, i) => new XElement(Command + "example",
                new XElement(Maml + "title", string.Format(CultureInfo.InvariantCulture, "-------------------------- Example {0} --------------------------", i + 1)),
                new XElement(Dev + "code", Text(example.Element("code")) ?? throw new HelpSourceException(name + ": an <example> has no <code>.")),
                new XElement(Dev + "remarks", Paragraphs(example).Select(Para))))),
            new XElement(Command + "relatedLinks",
                new[] { "about_DeepSeekHw" }.Concat(allNames.Where(n => n != name)).Select(link =>
                    new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", link), new XElement(Maml + "uri")))));
    }

    private sealed record ParameterHelp(string Name, string Description, string TypeName, bool Required, string Position, string PipelineInput, bool Globbing, string Aliases, IReadOnlyList<string> Sets, bool IsSwitch)
    {
        public string InputTypeName { get; init; } = TypeName;
    }

    private static List<ParameterHelp> Parameters(Type type, Dictionary<string, XElement> docs, string cmdletName, bool supportsShouldProcess)
    {
        var result = new List<ParameterHelp>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ParameterAttribute>().ToList();
            if (attributes.Count == 0)
            {
                continue;
            }

            var key = "P:" + property.DeclaringType!.FullName + "." + property.Name;
            var description = docs.TryGetValue(key, out var doc) ? Text(doc.Element("summary")) : null;
            if (string.IsNullOrWhiteSpace(description))
            {
                throw new HelpSourceException(cmdletName + ": parameter -" + property.Name + " has no <summary>.");
            }

            var first = attributes[0];
            var pipeline = new List<string>();
            if (attributes.Any(a => a.ValueFromPipeline))
            {
                pipeline.Add("ByValue");
            }

            if (attributes.Any(a => a.ValueFromPipelineByPropertyName))
            {
                pipeline.Add("ByPropertyName");
            }

            var aliases = property.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? Array.Empty<string>();
            result.Add(new ParameterHelp(
                property.Name,
                description!,
                TypeName(property.PropertyType),
                attributes.Any(a => a.Mandatory),
                first.Position >= 0 ? first.Position.ToString(CultureInfo.InvariantCulture) : "named",
                pipeline.Count > 0 ? "True (" + string.Join(", ", pipeline) + ")" : "False",
                property.GetCustomAttribute<SupportsWildcardsAttribute>() != null,
                aliases.Count > 0 ? string.Join(", ", aliases) : "none",
                attributes.Select(a => a.ParameterSetName).ToList(),
                property.PropertyType == typeof(SwitchParameter))
            {
                InputTypeName = ElementType(property.PropertyType).FullName ?? property.PropertyType.Name,
            });
        }

        if (supportsShouldProcess)
        {
            var all = new List<string> { ParameterAttribute.AllParameterSets };
            result.Add(new ParameterHelp("WhatIf", "Shows what would happen if the cmdlet runs. The cmdlet is not run.", "SwitchParameter", false, "named", "False", false, "wi", all, true));
            result.Add(new ParameterHelp("Confirm", "Prompts you for confirmation before running the cmdlet.", "SwitchParameter", false, "named", "False", false, "cf", all, true));
        }

        return result;
    }

    private static XElement ParameterElement(ParameterHelp p, string? set) =>
        new XElement(Command + "parameter",
            new XAttribute("required", p.Required ? "true" : "false"),
            new XAttribute("variableLength", p.TypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", p.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", p.Position),
            new XAttribute("aliases", p.Aliases),
            new XElement(Maml + "name", p.Name),
            new XElement(Maml + "description", Para(p.Description)),
            p.IsSwitch && set != null ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.TypeName),
            new XElement(Dev + "type", new XElement(Maml + "name", p.TypeName), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.IsSwitch ? "False" : "None"));

    private static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsArray ? TypeName(underlying.GetElementType()!) + "[]" : underlying.Name;
    }

    private static Type ElementType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsArray ? underlying.GetElementType()! : underlying;
    }

    private static XElement Para(string text) => new XElement(Maml + "para", text);

    private static List<string> Paragraphs(XElement? element)
    {
        if (element is null)
        {
            return new List<string>();
        }

        var paras = element.Elements("para").Select(Text).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        if (paras.Count == 0 && element.Name != "example" && Text(element) is { } single)
        {
            paras.Add(single);
        }

        return paras;
    }

    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = Regex.Replace(string.Concat(element.Nodes().Select(n => n is XElement e ? (string?)e.Attribute("cref")?.Value.Split('.').Last() ?? e.Value : n.ToString())), @"\s+", " ").Trim();
        return System.Net.WebUtility.HtmlDecode(text).Length == 0 ? null : System.Net.WebUtility.HtmlDecode(text);
    }
}
