using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeepSeekHw.Sizing.Gguf
{
    /// <summary>
    /// Reads a GGUF file's header — metadata and tensor infos — and never the tensor data (ggml/docs/gguf.md, versions 2
    /// and 3, little-endian). Every count and length is bounded before it is used: a hostile or truncated file costs one
    /// <see cref="SizingException"/>, never an allocation its header asks for.
    /// </summary>
    internal sealed class GgufHeaderReader
    {
        private const uint Magic = 0x46554747; // "GGUF" little-endian
        private const long MaxTensors = 1 << 20;
        private const long MaxKeys = 1 << 16;
        private const long MaxStringBytes = 1 << 20;
        private const long MaxArrayItems = 1 << 24;
        private const int MaxDimensions = 4;

        /// <summary>Headers of real files are tens of megabytes at most (a 256k-token vocabulary is ~10 MB).</summary>
        private const long MaxHeaderBytes = 512L << 20;

        private readonly BinaryReader reader;
        private readonly string where;

        private GgufHeaderReader(Stream stream, string where)
        {
            reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            this.where = where;
        }

        /// <summary>Scalar metadata (numbers, booleans, strings) and the length of each array; tensor infos with their types.</summary>
        public static (Dictionary<string, object> Metadata, List<(string Name, long[] Shape, int Type)> Tensors) Read(Stream stream, string where)
        {
            try
            {
                return new GgufHeaderReader(stream, where).ReadHeader();
            }
            catch (EndOfStreamException)
            {
                throw Invalid(where, "the file ends inside its header");
            }
            catch (IOException ex)
            {
                throw Invalid(where, "it could not be read (" + ex.Message + ")");
            }
        }

        private static SizingException Invalid(string where, string why) =>
            new SizingException(SizingErrorIds.InvalidGgufFile, SafeText.Clean(where + " is not a GGUF file this can read: " + why + "."));

        private (Dictionary<string, object>, List<(string, long[], int)>) ReadHeader()
        {
            if (reader.ReadUInt32() != Magic)
            {
                throw Invalid(where, "it does not start with the GGUF magic");
            }

            var version = reader.ReadUInt32();
            if (version is not (2 or 3))
            {
                throw Invalid(where, "GGUF version " + version + " (2 and 3 are supported)");
            }

            var tensorCount = Bounded(reader.ReadInt64(), MaxTensors, "tensor count");
            var keyCount = Bounded(reader.ReadInt64(), MaxKeys, "metadata count");
            var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
            for (long i = 0; i < keyCount; i++)
            {
                var key = ReadString();
                var type = reader.ReadUInt32();
                var value = ReadValue(type, topLevel: true);
                if (value != null)
                {
                    metadata[key] = value;
                }

                CheckHeaderSize();
            }

            var tensors = new List<(string, long[], int)>((int)Math.Min(tensorCount, 4096));
            for (long i = 0; i < tensorCount; i++)
            {
                var name = ReadString();
                var dims = reader.ReadUInt32();
                if (dims < 1 || dims > MaxDimensions)
                {
                    throw Invalid(where, "tensor '" + name + "' has " + dims + " dimensions");
                }

                var shape = new long[dims];
                for (var d = 0; d < dims; d++)
                {
                    shape[d] = Bounded(reader.ReadInt64(), long.MaxValue, "dimension of '" + name + "'");
                }

                var type = reader.ReadUInt32();
                reader.ReadUInt64(); // offset into the data section: the data itself is never read
                tensors.Add((name, shape, type > int.MaxValue ? -1 : (int)type));
                CheckHeaderSize();
            }

            return (metadata, tensors);
        }

        private void CheckHeaderSize()
        {
            if (reader.BaseStream.CanSeek && reader.BaseStream.Position > MaxHeaderBytes)
            {
                throw Invalid(where, "its header is larger than 512 MiB");
            }
        }

        private long Bounded(long value, long max, string what)
        {
            if (value < 0 || value > max)
            {
                throw Invalid(where, what + " " + value + " is out of range");
            }

            return value;
        }

        private string ReadString()
        {
            var length = Bounded(reader.ReadInt64(), MaxStringBytes, "string length");
            var bytes = reader.ReadBytes((int)length);
            if (bytes.Length != length)
            {
                throw new EndOfStreamException();
            }

            return Encoding.UTF8.GetString(bytes);
        }

        // Arrays (the tokenizer's vocabulary, merges, scores) are skipped and only their length kept: no header field the
        // sizing needs is an array, and a vocabulary can hold hundreds of thousands of strings.
        private object? ReadValue(uint type, bool topLevel)
        {
            switch (type)
            {
                case 0: return (long)reader.ReadByte();
                case 1: return (long)reader.ReadSByte();
                case 2: return (long)reader.ReadUInt16();
                case 3: return (long)reader.ReadInt16();
                case 4: return (long)reader.ReadUInt32();
                case 5: return (long)reader.ReadInt32();
                case 6: return (double)reader.ReadSingle();
                case 7: return reader.ReadByte() != 0;
                case 8: return ReadString();
                case 9:
                    if (!topLevel)
                    {
                        throw Invalid(where, "arrays nested in arrays");
                    }

                    var itemType = reader.ReadUInt32();
                    var count = Bounded(reader.ReadInt64(), MaxArrayItems, "array length");
                    for (long i = 0; i < count; i++)
                    {
                        SkipValue(itemType);
                    }

                    return new GgufArrayLength(count);
                case 10: return reader.ReadUInt64() is var u && u <= long.MaxValue ? (long)u : (object)(double)u;
                case 11: return reader.ReadInt64();
                case 12: return reader.ReadDouble();
                default:
                    throw Invalid(where, "metadata value type " + type);
            }
        }

        private void SkipValue(uint type)
        {
            var size = type switch
            {
                0 or 1 or 7 => 1,
                2 or 3 => 2,
                4 or 5 or 6 => 4,
                10 or 11 or 12 => 8,
                _ => 0,
            };
            if (size > 0)
            {
                Skip(size);
            }
            else if (type == 8)
            {
                Skip(Bounded(reader.ReadInt64(), MaxStringBytes, "string length"));
            }
            else
            {
                throw Invalid(where, "array item type " + type);
            }
        }

        private void Skip(long bytes)
        {
            var stream = reader.BaseStream;
            if (stream.CanSeek)
            {
                if (stream.Position + bytes > stream.Length)
                {
                    throw new EndOfStreamException();
                }

                stream.Seek(bytes, SeekOrigin.Current);
                return;
            }

            if (reader.ReadBytes((int)bytes).Length != bytes)
            {
                throw new EndOfStreamException();
            }
        }
    }

    /// <summary>An array in the metadata, kept only as its length (e.g. tokenizer.ggml.tokens → the vocabulary size).</summary>
    internal sealed class GgufArrayLength
    {
        public GgufArrayLength(long count) => Count = count;

        public long Count { get; }
    }
}
