namespace DeepSeekHw.Sizing.Gguf
{
    /// <summary>Where a tensor's bytes go when a model is split over GPUs or between GPU and RAM.</summary>
    internal enum TensorRole
    {
        Embedding,
        Output,
        Norm,
        Router,

        /// <summary>MLA down-projections every tensor-parallel rank holds whole.</summary>
        ReplicatedAttention,
        Attention,
        DenseMlp,
        SharedExpert,
        RoutedExpert,
        Other,
    }

    /// <summary>One tensor of a GGUF file: llama.cpp's name, its row length (ne[0]), how many rows, its type and bytes.</summary>
    internal sealed class GgufTensor
    {
        public GgufTensor(string name, TensorRole role, int layer, long rowLength, long rows, GgmlType type)
        {
            Name = name;
            Role = role;
            Layer = layer;
            RowLength = rowLength;
            Rows = rows;
            Type = type;
        }

        public string Name { get; }

        public TensorRole Role { get; }

        /// <summary>Block index, or -1 for tensors outside the blocks (embedding, output, final norm).</summary>
        public int Layer { get; }

        public long RowLength { get; }

        public long Rows { get; }

        public long Elements => checked(RowLength * Rows);

        public GgmlType Type { get; private set; }

        public long Bytes => GgmlTypeTraits.Bytes(Type, RowLength, Rows);

        /// <summary>A weight matrix llama-quantize may change: 2-D or 3-D, named *weight, not a norm, not the expert router.</summary>
        public bool Quantizable { get; set; }

        public GgufTensor WithType(GgmlType type)
        {
            var copy = (GgufTensor)MemberwiseClone();
            copy.Type = type;
            return copy;
        }
    }
}
