using System;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using DeepSeekHw.Inventory;
using DeepSeekHw.Readiness;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// The one path from what the pipeline brings to a <see cref="HardwareInventory"/>, for every cmdlet that takes an
    /// -InputObject: a live inventory; the property bag that remoting, Import-Clixml or a JSON round trip leave
    /// (Deserialized.DeepSeekHw.HardwareInventory); or a GPU from Get-DeepSeekGpuSpec, live or deserialized, which
    /// becomes a what-if machine with one of that GPU. Registered for the type in DeepSeekHw.Types.ps1xml, so parameter
    /// binding converts through it; anything else (a model, a profile) is not convertible and binds elsewhere.
    /// </summary>
    public sealed class HardwareInventoryConverter : PSTypeConverter
    {
        private const string InventoryType = "DeepSeekHw.HardwareInventory";
        private const string GpuSpecType = "DeepSeekHw.GpuSpec";
        private const string Deserialized = "Deserialized.";

        // Inventories made from a bare GPU: sizing treats them as -Gpu (the count is open), readiness as one GPU.
        private static readonly ConditionalWeakTable<HardwareInventory, GpuSpec> FromGpuSpec = new ConditionalWeakTable<HardwareInventory, GpuSpec>();

        public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
            destinationType == typeof(HardwareInventory) && KindOf(sourceValue) != Kind.None;

        public override bool CanConvertFrom(PSObject sourceValue, Type destinationType) =>
            CanConvertFrom((object)sourceValue, destinationType);

        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            ToInventory(sourceValue) ?? throw new PSInvalidCastException(
                "Expected a hardware inventory (Get-DeepSeekHardware, New-DeepSeekHardware) or a GPU (Get-DeepSeekGpuSpec).");

        public override object ConvertFrom(PSObject sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            ConvertFrom((object)sourceValue, destinationType, formatProvider, ignoreCase);

        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new PSInvalidCastException("A hardware inventory converts to nothing else.");

        /// <summary>The inventory a pipeline object stands for, with each GPU matched to the session's catalog; null when it stands for none.</summary>
        internal static HardwareInventory? ToInventory(object? value)
        {
            switch (KindOf(value))
            {
                case Kind.Inventory:
                    // A live inventory is enriched again too: the session may have imported a catalog since it was made.
                    var inventory = PSObjectMapper.To<HardwareInventory>(value);
                    return inventory is null ? null : InventoryEnricher.Enrich(inventory, SessionCatalog.Current);
                case Kind.GpuSpec:
                    var name = PSObject.AsPSObject(value).Properties["Name"]?.Value as string;
                    var spec = (PSObject.AsPSObject(value).BaseObject as GpuSpec) ?? (name is null ? null : SessionCatalog.Current.FindGpu(name));
                    if (spec is null)
                    {
                        return null;
                    }

                    var machine = new WhatIfMachine(spec, 1) { ComputerName = "what-if " + spec.Name }.ToInventory();
                    FromGpuSpec.Add(machine, spec);
                    return machine;
                default:
                    return null;
            }
        }

        /// <summary>The GPU an inventory was made from when the pipeline brought a bare GPU (no count stated).</summary>
        internal static GpuSpec? BareGpuOf(HardwareInventory inventory) =>
            FromGpuSpec.TryGetValue(inventory, out var spec) ? spec : null;

        private static Kind KindOf(object? value)
        {
            if (value is null)
            {
                return Kind.None;
            }

            var ps = PSObject.AsPSObject(value);
            if (ps.BaseObject is HardwareInventory)
            {
                return Kind.Inventory;
            }

            if (ps.BaseObject is GpuSpec)
            {
                return Kind.GpuSpec;
            }

            var typeName = ps.TypeNames.FirstOrDefault() ?? string.Empty;
            return typeName == Deserialized + InventoryType ? Kind.Inventory
                : typeName == Deserialized + GpuSpecType ? Kind.GpuSpec
                : Kind.None;
        }

        private enum Kind
        {
            None,
            Inventory,
            GpuSpec,
        }
    }
}
