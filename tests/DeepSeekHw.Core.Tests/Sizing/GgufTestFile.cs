using System.IO;
using System.Text;

namespace DeepSeekHw.Core.Tests.Sizing;

/// <summary>Writes small GGUF v3 files for tests: metadata, tensor infos, aligned zero-filled tensor data.</summary>
internal sealed class GgufTestFile
{
    private readonly List<(string Key, uint Type, Action<BinaryWriter> Write)> metadata = new();
    private readonly List<(string Name, long[] Shape, uint Type, long Bytes)> tensors = new();

    public GgufTestFile Text(string key, string value) => Add(key, 8, w => WriteString(w, value));

    public GgufTestFile UInt32(string key, uint value) => Add(key, 4, w => w.Write(value));

    public GgufTestFile Float(string key, float value) => Add(key, 6, w => w.Write(value));

    public GgufTestFile Strings(string key, int count) => Add(key, 9, w =>
    {
        w.Write(8u);
        w.Write((long)count);
        for (var i = 0; i < count; i++)
        {
            WriteString(w, "tok" + i);
        }
    });

    public GgufTestFile Raw(string key, uint type, Action<BinaryWriter> write) => Add(key, type, write);

    /// <summary>A tensor of ggml type <paramref name="type"/> whose data takes <paramref name="bytes"/> bytes.</summary>
    public GgufTestFile Tensor(string name, uint type, long bytes, params long[] shape)
    {
        tensors.Add((name, shape, type, bytes));
        return this;
    }

    public long DataBytes => tensors.Sum(t => t.Bytes);

    public byte[] ToBytes(uint version = 3)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(0x46554747u);
        w.Write(version);
        w.Write((long)tensors.Count);
        w.Write((long)metadata.Count);
        foreach (var (key, type, write) in metadata)
        {
            WriteString(w, key);
            w.Write(type);
            write(w);
        }

        long offset = 0;
        foreach (var (name, shape, type, bytes) in tensors)
        {
            WriteString(w, name);
            w.Write((uint)shape.Length);
            foreach (var d in shape)
            {
                w.Write(d);
            }

            w.Write(type);
            w.Write(offset);
            offset += (bytes + 31) / 32 * 32;
        }

        w.Flush();
        stream.Write(new byte[(32 - stream.Length % 32) % 32]);
        foreach (var t in tensors)
        {
            stream.Write(new byte[(t.Bytes + 31) / 32 * 32]);
        }

        return stream.ToArray();
    }

    private GgufTestFile Add(string key, uint type, Action<BinaryWriter> write)
    {
        metadata.Add((key, type, write));
        return this;
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((long)bytes.Length);
        w.Write(bytes);
    }
}
