using System.Management.Automation;
using DeepSeekHw.Sizing;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// The workload parameters the sizing, readiness and recommendation cmdlets share: one place turns them into a
    /// <see cref="SizingRequest"/>, so a parameter added to the workload reaches all three.
    /// </summary>
    internal interface IWorkloadParameters
    {
        int GroupSize { get; }

        KvCacheType KvCacheType { get; }

        string? Engine { get; }

        int? ContextLength { get; }

        int? PromptLength { get; }

        int Concurrency { get; }

        SizingWorkload Workload { get; }

        int ZeroStage { get; }

        SwitchParameter GradientCheckpointing { get; }

        SwitchParameter CpuOffload { get; }

        double? MemoryUtilization { get; }

        SwitchParameter Force { get; }
    }

    internal static class WorkloadParameters
    {
        public static SizingRequest ToSizingRequest(this IWorkloadParameters p, ModelSpec model) => new SizingRequest(model)
        {
            GroupSize = p.GroupSize,
            KvCacheType = p.KvCacheType,
            Engine = p.Engine,
            ContextLength = p.ContextLength,
            PromptLength = p.PromptLength,
            Concurrency = p.Concurrency,
            Workload = p.Workload,
            ZeroStage = p.ZeroStage,
            GradientCheckpointing = p.GradientCheckpointing,
            CpuOffload = p.CpuOffload,
            MemoryUtilization = p.MemoryUtilization,
            Force = p.Force,
        };
    }
}
