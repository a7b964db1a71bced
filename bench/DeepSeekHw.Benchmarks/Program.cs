using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(DeepSeekHw.Benchmarks.SizingSweepBenchmark).Assembly).Run(args);
