namespace DeepSeekHw.Sizing
{
    /// <summary>Stable error ids for sizing requests that cannot be answered.</summary>
    public static class SizingErrorIds
    {
        public const string InvalidContextLength = "InvalidContextLength";
        public const string InvalidPromptLength = "InvalidPromptLength";
        public const string ContextLengthExceedsModel = "ContextLengthExceedsModel";
        public const string InvalidConcurrency = "InvalidConcurrency";
        public const string InvalidGpuCount = "InvalidGpuCount";
        public const string InvalidMemoryUtilization = "InvalidMemoryUtilization";
        public const string PrecisionNotSupported = "PrecisionNotSupported";
        public const string UnknownEngine = "UnknownEngine";
        public const string InvalidTrainingOption = "InvalidTrainingOption";
        public const string SizeOutOfRange = "SizeOutOfRange";
        public const string InvalidLayout = "InvalidLayout";
        public const string InvalidGgufFile = "InvalidGgufFile";
        public const string GgufModelMismatch = "GgufModelMismatch";
        public const string AttentionImplementationNotSupported = "AttentionImplementationNotSupported";
        public const string MultiTokenPredictionNotSupported = "MultiTokenPredictionNotSupported";
    }
}
