using System;

namespace DeepSeekHw.Catalog
{
    /// <summary>A catalog file that is not valid JSON or breaks the catalog schema; the message names the entry and field.</summary>
    public sealed class CatalogException : Exception
    {
        public CatalogException()
        {
        }

        public CatalogException(string message)
            : base(message)
        {
        }

        public CatalogException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
