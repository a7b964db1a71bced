namespace DeepSeekHw
{
    /// <summary>One machine's answer to "can it run this?".</summary>
    public enum ReadinessVerdict
    {
        /// <summary>No check failed and every check that decides whether the model runs has its facts.</summary>
        Ready,

        /// <summary>At least one check failed.</summary>
        NotReady,

        /// <summary>Nothing failed, but a deciding check is Unknown (a fact was not collected or not stated): not a yes.</summary>
        Undetermined,
    }
}
