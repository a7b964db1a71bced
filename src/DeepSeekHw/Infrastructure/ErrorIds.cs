namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// Every ErrorId the module writes. Scripts match on these strings (e.g. $_.FullyQualifiedErrorId), so they never change.
    /// </summary>
    internal static class ErrorIds
    {
        public const string ModelNotFound = "ModelNotFound";
        public const string GpuNotFound = "GpuNotFound";
        public const string CatalogInvalid = "CatalogInvalid";
        public const string CatalogFileUnreadable = "CatalogFileUnreadable";
    }
}
