namespace DeepSeekHw.Tests;

/// <summary>
/// One imported runspace for a whole test class (xunit runs a class's tests one after another). Only for tests that leave
/// the session as they found it: no Import-DeepSeekCatalog, no variables kept between tests. Opening a runspace and
/// importing the module is most of what a cmdlet test costs.
/// </summary>
public sealed class SharedSession : IDisposable
{
    public PowerShellSession Session { get; } = new();

    public void Dispose() => Session.Dispose();
}
