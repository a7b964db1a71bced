using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using DeepSeekHw.Facts;

namespace DeepSeekHw.Collection
{
    /// <summary>
    /// The one way the module runs a native tool: no shell, arguments passed as a list, stdout and stderr captured,
    /// a timeout after which the whole process tree is killed, and every failure recorded in the source, never thrown.
    /// </summary>
    public static class ProcessRunner
    {
        /// <summary>The most a tool may write to stdout or stderr before the rest is discarded (nvidia-smi -q -x on 8 GPUs: ~200 KiB).</summary>
        public const int DefaultMaxOutputBytes = 16 * 1024 * 1024;

        // After the tool exits, how long its pipes may stay open: a grandchild it left behind (setsid, a daemon) can hold
        // them for ever, and the tool's own output is already complete.
        private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(1);

        public static FactSource Run(string sourceId, string fileName, string[] arguments, TimeSpan timeout, int maxOutputBytes = DefaultMaxOutputBytes)
        {
            var source = new FactSource(sourceId);
            var started = Stopwatch.StartNew();
            var info = new ProcessStartInfo(fileName, ArgumentQuoting.Join(arguments))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            info.EnvironmentVariables["LC_ALL"] = "C"; // tools print in English with '.' decimals, whatever the user's locale

            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
            }
            catch (Win32Exception ex) when (ex.NativeErrorCode == 2 || ex.NativeErrorCode == 3)
            {
                source.Status = FactSourceStatus.Absent; // ENOENT / ERROR_FILE_NOT_FOUND: the tool is not installed
                source.Error = ex.Message;
                return source;
            }
            catch (Win32Exception ex) when (ex.NativeErrorCode == 5 || ex.NativeErrorCode == 13)
            {
                source.Status = FactSourceStatus.Denied;
                source.Error = ex.Message;
                return source;
            }
            catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is IOException)
            {
                source.Status = FactSourceStatus.Failed;
                source.Error = ex.Message;
                return source;
            }

            using (process)
            {
                process.StandardInput.Close(); // a tool that prompts gets EOF instead of hanging
                var stdout = new BoundedCapture(process.StandardOutput.BaseStream, maxOutputBytes);
                var stderr = new BoundedCapture(process.StandardError.BaseStream, maxOutputBytes);
                var exited = process.WaitForExit((int)Math.Min(int.MaxValue, Math.Max(1, timeout.TotalMilliseconds)));
                if (!exited)
                {
                    KillTree(process);
                    source.Status = FactSourceStatus.TimedOut;
                }

                // Whatever arrived is kept: a partial answer beats none, and a pipe a grandchild holds open must not
                // cost the output the tool itself wrote.
                stdout.WaitForEnd(DrainGrace);
                stderr.WaitForEnd(DrainGrace);
                source.Output = stdout.Text();
                source.Truncated = stdout.Truncated;
                var error = stderr.Text();
                if (exited)
                {
                    source.ExitCode = process.ExitCode;
                    source.Error = error;
                }
                else
                {
                    source.Error = string.Format(System.Globalization.CultureInfo.InvariantCulture, "timed out after {0:0.#} s; process tree killed. {1}", timeout.TotalSeconds, error).Trim();
                }

                source.DurationMs = started.ElapsedMilliseconds;
                return source;
            }
        }

        /// <summary>
        /// Kills the process and its descendants: Process.Kill(true) where the runtime has it (PowerShell 7, .NET Core 3+),
        /// taskkill /T on Windows PowerShell 5.1, the process alone as a last resort.
        /// </summary>
        private static void KillTree(Process process)
        {
            try
            {
                var killTree = typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);
                if (killTree != null)
                {
                    killTree.Invoke(process, new object[] { true });
                }
                else if (Path.DirectorySeparatorChar == '\\')
                {
                    using var taskkill = Process.Start(new ProcessStartInfo("taskkill", "/T /F /PID " + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        UseShellExecute = false,
                        CreateNoWindow = true,
                    });
                    taskkill?.WaitForExit(5000);
                }
                else
                {
                    process.Kill();
                }

                process.WaitForExit(5000);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is Win32Exception || ex is TargetInvocationException || ex is NotSupportedException)
            {
                // it exited between the timeout and the kill
            }
        }
    }
}
