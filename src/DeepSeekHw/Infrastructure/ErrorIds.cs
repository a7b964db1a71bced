using DeepSeekHw.Sizing;

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
        public const string FactsFileUnreadable = "FactsFileUnreadable";
        public const string FactsInvalid = "FactsInvalid";
        public const string FactsFileExists = "FactsFileExists";
        public const string FactsFileUnwritable = "FactsFileUnwritable";
        public const string NoKnownGpu = "NoKnownGpu";
        public const string ProfileNotFound = "ProfileNotFound";
        public const string InvalidWildcardPattern = "InvalidWildcardPattern";

        // Cost and recommendations.
        public const string InstanceNotFound = "InstanceNotFound";
        public const string NoFittingOption = "NoFittingOption";

        // Fleet runs: one per machine that could not be collected; the run goes on.
        public const string RemoteConnectionFailed = "RemoteConnectionFailed";
        public const string RemoteAccessDenied = "RemoteAccessDenied";
        public const string RemoteCollectorFailed = "RemoteCollectorFailed";
        public const string ParameterConflict = "ParameterConflict";

        // Reports and metrics written from piped results.
        public const string InputObjectNotSupported = "InputObjectNotSupported";
        public const string ReportFileExists = "ReportFileExists";
        public const string ReportFileUnwritable = "ReportFileUnwritable";

        // Sizing requests that cannot be answered; the core raises them with these same ids.
        public const string InvalidContextLength = SizingErrorIds.InvalidContextLength;
        public const string ContextLengthExceedsModel = SizingErrorIds.ContextLengthExceedsModel;
        public const string InvalidConcurrency = SizingErrorIds.InvalidConcurrency;
        public const string InvalidGpuCount = SizingErrorIds.InvalidGpuCount;
        public const string InvalidMemoryUtilization = SizingErrorIds.InvalidMemoryUtilization;
        public const string PrecisionNotSupported = SizingErrorIds.PrecisionNotSupported;
        public const string UnknownEngine = SizingErrorIds.UnknownEngine;
        public const string InvalidTrainingOption = SizingErrorIds.InvalidTrainingOption;
        public const string SizeOutOfRange = SizingErrorIds.SizeOutOfRange;
        public const string InvalidLayout = SizingErrorIds.InvalidLayout;
        public const string InvalidGgufFile = SizingErrorIds.InvalidGgufFile;
        public const string GgufModelMismatch = SizingErrorIds.GgufModelMismatch;
        public const string GgufFileNotFound = "GgufFileNotFound";
    }
}
