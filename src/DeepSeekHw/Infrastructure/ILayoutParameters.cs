using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>The parallel layout a user can give the sizing cmdlets, mapped onto a sizing request in one place.</summary>
    internal interface ILayoutParameters
    {
        int? TensorParallel { get; }

        int? PipelineParallel { get; }

        int? DataParallel { get; }

        int? ExpertParallel { get; }

        System.Management.Automation.SwitchParameter DataParallelAttention { get; }

        /// <summary>Speculative decoding with the model's MTP layer: part of how a deployment is served, as the layout is.</summary>
        System.Management.Automation.SwitchParameter MultiTokenPrediction { get; }

        /// <summary>Tokens the MTP layer drafts per step; giving it turns on <see cref="MultiTokenPrediction"/>.</summary>
        int? SpeculativeTokens { get; }
    }

    internal static class LayoutParameters
    {
        public static SizingRequest WithLayout(this SizingRequest request, ILayoutParameters layout)
        {
            request.TensorParallel = layout.TensorParallel;
            request.PipelineParallel = layout.PipelineParallel;
            request.DataParallel = layout.DataParallel;
            request.ExpertParallel = layout.ExpertParallel;
            request.DataParallelAttention = layout.DataParallelAttention;
            request.MultiTokenPrediction = layout.MultiTokenPrediction || layout.SpeculativeTokens.HasValue;
            request.SpeculativeTokens = layout.SpeculativeTokens ?? 1;
            return request;
        }
    }
}
