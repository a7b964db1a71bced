namespace DeepSeekHw.Sizing
{
    /// <summary>How an engine runs the prompts of requests that arrive while other sequences decode.</summary>
    internal enum PromptScheduling
    {
        /// <summary>One batch from prompt to end: no request joins while it decodes (Transformers generate).</summary>
        FixedBatch,

        /// <summary>Prompt chunks ride in the decode steps, sharing their weight reads (vLLM V1, llama-server).</summary>
        InStep,

        /// <summary>A prompt runs as its own prefill batch while the decoding sequences wait (SGLang's default).</summary>
        BetweenSteps,
    }
}
