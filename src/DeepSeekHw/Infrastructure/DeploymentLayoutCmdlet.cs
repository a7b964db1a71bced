using System.Management.Automation;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// Cmdlets that size a deployment as it is launched: the parallel layout and MTP drafting, declared once for
    /// Get-DeepSeekSizing and Get-DeepSeekLaunchConfig (Test-DeepSeekReadiness takes them in its model set only).
    /// </summary>
    public abstract class DeploymentLayoutCmdlet : DeepSeekCmdlet, ILayoutParameters
    {
        /// <summary>Tensor-parallel degree of the layout to size, as you launch it (a divisor of the attention heads and experts). Omit the layout parameters for the smallest layout that fits.</summary>
        [Parameter]
        [ValidateRange(1, 65536)]
        public int? TensorParallel { get; set; }

        /// <summary>Pipeline stages of the layout to size (across servers, or llama.cpp's layer split).</summary>
        [Parameter]
        [ValidateRange(1, 65536)]
        public int? PipelineParallel { get; set; }

        /// <summary>Data-parallel ranks: replicas of TP x PP GPUs, or with -DataParallelAttention the attention ranks of one MoE deployment. GPUs = TP x PP x DP.</summary>
        [Parameter]
        [ValidateRange(1, 65536)]
        public int? DataParallel { get; set; }

        /// <summary>GPUs the routed experts of a MoE model are spread over: the tensor-parallel group (default) or TP x DP.</summary>
        [Parameter]
        [ValidateRange(1, 65536)]
        public int? ExpertParallel { get; set; }

        /// <summary>MLA attention data-parallel over the DP ranks (SGLang --enable-dp-attention): each rank caches only its own sequences' latents.</summary>
        [Parameter]
        public SwitchParameter DataParallelAttention { get; set; }

        /// <summary>
        /// Speculative decoding with the MTP layer of DeepSeek-V3/R1 (vLLM deepseek_mtp, SGLang EAGLE): its weights and KV
        /// cache are loaded, and each step yields about 1.85 tokens with one draft (85% acceptance of the drafted token).
        /// </summary>
        [Parameter]
        public SwitchParameter MultiTokenPrediction { get; set; }

        /// <summary>
        /// Tokens the MTP layer drafts per step, 1 to 3 (vLLM num_speculative_tokens, SGLang --speculative-num-steps; SGLang
        /// defaults to 3): each draft is one more pass of the MTP layer and one more token verified per sequence; 3 drafts
        /// yield about 2.6 tokens a step. Implies -MultiTokenPrediction. Default: 1.
        /// </summary>
        [Parameter]
        [ValidateRange(1, SizingEngine.MaxSpeculativeTokens)]
        public int? SpeculativeTokens { get; set; }
    }
}
