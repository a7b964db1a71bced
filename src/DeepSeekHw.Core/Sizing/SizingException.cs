using System;

namespace DeepSeekHw.Sizing
{
    /// <summary>A sizing request that cannot be answered; <see cref="ErrorId"/> is stable for scripts.</summary>
    public sealed class SizingException : ArgumentException
    {
        public SizingException(string errorId, string message)
            : base(message)
        {
            ErrorId = errorId;
        }

        public SizingException(string errorId, string message, Exception innerException)
            : base(message, innerException)
        {
            ErrorId = errorId;
        }

        public SizingException()
        {
            ErrorId = string.Empty;
        }

        public SizingException(string message)
            : base(message)
        {
            ErrorId = string.Empty;
        }

        public SizingException(string message, Exception innerException)
            : base(message, innerException)
        {
            ErrorId = string.Empty;
        }

        public string ErrorId { get; }
    }
}
