using DeepSeekHw.Facts;

namespace DeepSeekHw.Core.Tests.Inventory;

public class SoftwareSourcesTests
{
    [Theory]
    [InlineData("jetson-orin-nx-l4t-35.3.1-aarch64.txt", "35.3.1")]
    [InlineData("open-kernel-module-525-archlinux-trailing-spaces.txt", "525.60.11")]
    [InlineData("open-kernel-module-555-gentoo-russian-locale-date-firstline-only.txt", "555.58")]
    [InlineData("open-kernel-module-565-ubuntu2404.txt", "565.57.01")]
    public void Proc_driver_nvidia_version_gives_the_kernel_module_version(string file, string version)
    {
        var software = Fixtures.Linux(Fixtures.File(FactSourceIds.NvidiaDriverVersionFile, "proc-driver-nvidia-version/" + file)).Software;

        Assert.Equal(version, software.NvidiaDriverVersion);
    }

    [Fact]
    public void Legacy_proprietary_module_line_parses()
    {
        var software = Fixtures.Linux(Fixtures.Source(FactSourceIds.NvidiaDriverVersionFile, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.154.05  Thu Dec 28 15:37:48 UTC 2023\n")).Software;

        Assert.Equal("535.154.05", software.NvidiaDriverVersion);
    }

    [Theory]
    [InlineData("cuda-11.5-ubuntu-apt.txt", "11.5.119")]
    [InlineData("cuda-12.5.txt", "12.5.82")]
    public void Nvcc_gives_the_toolkit_version(string file, string version)
    {
        Assert.Equal(version, Fixtures.Linux(Fixtures.Command(FactSourceIds.Nvcc, "nvcc-version/" + file)).Software.CudaToolkitVersion);
    }

    [Fact]
    public void Version_json_headers_and_rocm_file_give_versions()
    {
        var software = Fixtures.Linux(
            Fixtures.Source(FactSourceIds.CudaVersionJson, "{\n   \"cuda\" : {\n      \"name\" : \"CUDA SDK\",\n      \"version\" : \"12.2.2\"\n   }\n}\n"),
            Fixtures.Source(FactSourceIds.CudnnVersionHeader, "#ifndef CUDNN_VERSION_H_\n#define CUDNN_MAJOR 8\n#define CUDNN_MINOR 9\n#define CUDNN_PATCHLEVEL 7\n"),
            Fixtures.Source(FactSourceIds.NcclHeader, "#define NCCL_MAJOR 2\n#define NCCL_MINOR 21\n#define NCCL_PATCH 5\n"),
            Fixtures.Source(FactSourceIds.RocmVersionFile, "6.0.2-115\n")).Software;

        Assert.Equal("12.2.2", software.CudaToolkitVersion);
        Assert.Equal("8.9.7", software.CudnnVersion);
        Assert.Equal("2.21.5", software.NcclVersion);
        Assert.Equal("6.0.2-115", software.RocmVersion);
    }

    [Fact]
    public void Python_probe_gives_packages_and_the_cuda_build_of_torch()
    {
        const string Probe = "{\"python\": \"3.10.12\", \"packages\": {"
            + "\"torch\": {\"version\": \"2.3.0\", \"versionPy\": \"__version__ = '2.3.0+cu121'\\ndebug = False\\ncuda: Optional[str] = '12.1'\\ngit_version = 'abc'\\nhip: Optional[str] = None\\n\"},"
            + "\"vllm\": {\"version\": \"0.5.0.post1\"}, \"flash-attn\": {\"version\": \"2.5.9.post1\"}, \"flash_attn\": {\"version\": \"2.5.9.post1\"},"
            + "\"nvidia-nccl-cu12\": {\"version\": \"2.20.5\"}, \"nvidia-cudnn-cu12\": {\"version\": \"8.9.2.26\"}}}\n";

        var software = Fixtures.Linux(Fixtures.Source(FactSourceIds.PythonPackages, Probe, 0)).Software;

        Assert.Equal("3.10.12", software.PythonVersion);
        var torch = Assert.Single(software.Packages, p => p.Name == "torch");
        Assert.Equal("2.3.0", torch.Version);
        Assert.Equal("12.1", torch.CudaBuild);
        Assert.Null(torch.RocmBuild);
        Assert.Single(software.Packages, p => p.Name.StartsWith("flash", StringComparison.Ordinal));
        Assert.Equal("2.20.5", software.NcclVersion);
        Assert.Equal("8.9.2.26", software.CudnnVersion);
    }

    [Theory]
    [InlineData("2.1.2+cu118", null, "11.8", null)]
    [InlineData("2.3.1+rocm6.0", null, null, "6.0")]
    [InlineData("2.4.0", "hip = '6.1.40091'\ncuda = None\n", null, "6.1.40091")]
    public void Torch_build_comes_from_version_py_or_the_local_tag(string version, string? versionPy, string? cuda, string? rocm)
    {
        var probe = "{\"python\": \"3.11.4\", \"packages\": {\"torch\": {\"version\": \"" + version + "\""
            + (versionPy is null ? string.Empty : ", \"versionPy\": \"" + versionPy.Replace("\n", "\\n", StringComparison.Ordinal) + "\"") + "}}}";

        var torch = Assert.Single(Fixtures.Linux(Fixtures.Source(FactSourceIds.PythonPackages, probe, 0)).Software.Packages);

        Assert.Equal(cuda, torch.CudaBuild);
        Assert.Equal(rocm, torch.RocmBuild);
    }

    [Fact]
    public void Python_that_prints_no_json_warns()
    {
        var inventory = Fixtures.Linux(Fixtures.Source(FactSourceIds.PythonPackages, "Python was not found; run without arguments to install from the Microsoft Store\n", 0));

        Assert.Contains(inventory.Warnings.Texts(), w => w.Contains("printed no JSON", StringComparison.Ordinal));
    }
}
