using System;

namespace DeepSeekHw.Facts
{
    /// <summary>A fact bundle file that is not a deepseekhw/facts@1 document.</summary>
    public sealed class FactBundleException : Exception
    {
        public FactBundleException()
        {
        }

        public FactBundleException(string message)
            : base(message)
        {
        }

        public FactBundleException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
