using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// Reads a child's output pipe on its own task and keeps at most a fixed number of bytes: what comes after the limit
    /// is read and dropped (so the child never blocks on a full pipe) and the capture is marked truncated. What was read
    /// so far can be taken at any time, whether or not the pipe has closed.
    /// </summary>
    internal sealed class BoundedCapture
    {
        private readonly object _gate = new object();
        private readonly MemoryStream _kept = new MemoryStream();
        private readonly int _limit;
        private readonly Task _reading;

        public BoundedCapture(Stream stream, int limit)
        {
            _limit = Math.Max(0, limit);
            // A thread of its own, reading synchronously: a busy thread pool must not delay the capture of a short tool.
            _reading = Task.Factory.StartNew(() => Read(stream), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public bool Truncated { get; private set; }

        /// <summary>Waits for the end of the stream for at most the grace period; the capture stays usable either way.</summary>
        public void WaitForEnd(TimeSpan grace)
        {
            try
            {
                _reading.Wait(grace);
            }
            catch (AggregateException)
            {
                // the read failed: what arrived before is still kept
            }
        }

        /// <summary>The bytes kept so far as UTF-8 text (an invalid or cut sequence becomes U+FFFD).</summary>
        public string Text()
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
            }
        }

        private void Read(Stream stream)
        {
            var chunk = new byte[81920];
            try
            {
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    lock (_gate)
                    {
                        var room = (int)Math.Min(read, _limit - _kept.Length);
                        if (room > 0)
                        {
                            _kept.Write(chunk, 0, room);
                        }

                        if (room < read)
                        {
                            Truncated = true;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                // the pipe broke or was closed when the process was killed or disposed: keep what arrived
            }
        }
    }
}
