namespace DeepSeekHw
{
    /// <summary>A check's verdict. Unknown means a fact it needs was not collected: never a guess either way.</summary>
    public enum ReadinessStatus
    {
        Pass,
        Warning,
        Fail,
        NotApplicable,
        Unknown,
    }
}
