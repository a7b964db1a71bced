using System.Linq;
using System.Management.Automation;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// Lets -Profile take a profile piped from Get-DeepSeekProfile (live or deserialized) as well as a name. Any other
    /// object is refused with a message that says what the command needs, instead of being read as a profile name.
    /// </summary>
    internal sealed class ProfileNameTransformationAttribute : ArgumentTransformationAttribute
    {
        private const string ProfileType = "DeepSeekHw.HardwareProfile";

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is null)
            {
                return null;
            }

            var value = PSObject.AsPSObject(inputData);
            if (value.BaseObject is string name)
            {
                return name;
            }

            if (value.BaseObject is HardwareProfile profile)
            {
                return profile.Name;
            }

            if (value.TypeNames.FirstOrDefault() == "Deserialized." + ProfileType && value.Properties["Name"]?.Value is string deserializedName)
            {
                return deserializedName;
            }

            throw new ArgumentTransformationMetadataException(
                "Give -Model or -Profile: an object piped without them must be a profile from Get-DeepSeekProfile, not " + value.TypeNames.FirstOrDefault() + ".");
        }
    }
}
