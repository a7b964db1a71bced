using System;

namespace DeepSeekHw.HelpGen;

/// <summary>A cmdlet whose doc comments lack what Get-Help needs.</summary>
public sealed class HelpSourceException : Exception
{
    public HelpSourceException()
    {
    }

    public HelpSourceException(string message)
        : base(message)
    {
    }

    public HelpSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
