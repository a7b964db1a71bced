using DeepSeekHw.Catalog;
using DeepSeekHw.Sizing;
using DeepSeekHw.Sizing.Gguf;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>
/// The GGUF tensor list and the parameter counter read the same architecture fields two ways (llama.cpp's tensors, the
/// Hugging Face parameter classes): they must count the same weights, role by role.
/// </summary>
public sealed class GgufLayoutConsistencyTests
{
    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var model in DeepSeekCatalog.Builtin.Models)
        {
            data.Add(model.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_gguf_tensors_hold_exactly_the_parameters_the_counter_counts(string name)
    {
        var model = DeepSeekCatalog.Builtin.FindModel(name)!;
        var counted = ParameterCounter.Count(model);
        var tensors = GgufTensorLayout.For(model, GgmlType.F32);
        long Sum(params TensorRole[] roles) => tensors.Where(t => roles.Contains(t.Role)).Sum(t => t.Elements);

        // V3's per-expert score bias (exp_probs_b) is a router tensor the Hugging Face count leaves out of its router.
        var scoreBias = model.ModelType is "deepseek_v3" or "deepseek_v32" ? (long)model.MoeLayers * model.RoutedExperts : 0;
        Assert.Equal(counted.Total + scoreBias, tensors.Sum(t => t.Elements));
        Assert.Equal(counted.Embedding, Sum(TensorRole.Embedding));
        Assert.Equal(counted.LmHead, Sum(TensorRole.Output));
        Assert.Equal(counted.RoutedExperts, Sum(TensorRole.RoutedExpert));
        Assert.Equal(counted.SharedExperts, Sum(TensorRole.SharedExpert));
        Assert.Equal(counted.DenseMlp, Sum(TensorRole.DenseMlp));
        Assert.Equal(counted.Router + scoreBias, Sum(TensorRole.Router));
    }
}
