using System.Management.Automation;
using DeepSeekHw.Catalog;
using DeepSeekHw.Commands.Completers;
using DeepSeekHw.Commands.Infrastructure;

namespace DeepSeekHw.Commands
{
    /// <summary>Lists the seed guides' hardware tiers and editions that Test-DeepSeekReadiness -Profile checks against.</summary>
    /// <remarks>
    /// <para>The tiers (Basic-Minimum, Basic-Recommended, Pro, Pro-Distributed, Enterprise) and editions (V1, V2, Lite)
    /// are kept as data with the guide and section each comes from. Their figures are the guides' claims, applied as
    /// stated; where a guide is wrong about the physics (see docs/compatibility.md), model-based tests are the better
    /// question: Test-DeepSeekReadiness -Model.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-DeepSeekProfile</code>
    /// <para>Lists every tier and edition with its GPUs, CPU, memory and storage.</para>
    /// </example>
    /// <example>
    /// <code>Get-DeepSeekProfile -Name Pro* | Format-List *</code>
    /// <para>Shows the Pro tiers in full, with their sources.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DeepSeekProfile")]
    [OutputType(typeof(HardwareProfile))]
    public sealed class GetDeepSeekProfileCommand : DeepSeekCmdlet
    {
        /// <summary>Profile names (wildcards allowed). Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string[] Name { get; set; } = { "*" };

        protected override void ProcessRecord()
        {
            var profiles = ProfileCatalog.Builtin;
            foreach (var profile in ResolveNames(Name, profiles, p => new[] { p.Name }, ProfileCatalog.Find, ProfileNotFound))
            {
                WriteObject(profile);
            }
        }
    }
}
