using System.Management.Automation;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// The serving parameters every cmdlet that sizes a deployment takes (sizing, launch, cost, readiness,
    /// recommendation): one place turns them into a <see cref="SizingRequest"/>, so a parameter added here reaches all.
    /// </summary>
    internal interface IServingParameters
    {
        int GroupSize { get; }

        KvCacheType KvCacheType { get; }

        string? Engine { get; }

        int? ContextLength { get; }

        int Concurrency { get; }

        double? MemoryUtilization { get; }

        SwitchParameter Force { get; }
    }

    /// <summary>The serving parameters plus the workload ones (prompt, training) of sizing, readiness and recommendation.</summary>
    internal interface IWorkloadParameters : IServingParameters
    {
        int? PromptLength { get; }

        SizingWorkload Workload { get; }

        int ZeroStage { get; }

        SwitchParameter GradientCheckpointing { get; }

        SwitchParameter CpuOffload { get; }
    }

    internal static class WorkloadParameters
    {
        public static SizingRequest ToSizingRequest(this IServingParameters p, ModelSpec model) => new SizingRequest(model)
        {
            GroupSize = p.GroupSize,
            KvCacheType = p.KvCacheType,
            Engine = p.Engine,
            ContextLength = p.ContextLength,
            Concurrency = p.Concurrency,
            MemoryUtilization = p.MemoryUtilization,
            Force = p.Force,
        };

        public static SizingRequest ToSizingRequest(this IWorkloadParameters p, ModelSpec model)
        {
            var request = ((IServingParameters)p).ToSizingRequest(model);
            request.PromptLength = p.PromptLength;
            request.Workload = p.Workload;
            request.ZeroStage = p.ZeroStage;
            request.GradientCheckpointing = p.GradientCheckpointing;
            request.CpuOffload = p.CpuOffload;
            return request;
        }
    }
}
