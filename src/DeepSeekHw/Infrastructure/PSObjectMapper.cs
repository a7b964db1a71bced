using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace DeepSeekHw.Commands.Infrastructure
{
    /// <summary>
    /// Rebuilds a core object from what the pipeline brings: the live object itself, or the property bag that remoting,
    /// Import-Clixml or a JSON round trip leave behind (Deserialized.DeepSeekHw.*), matched by property name. A property
    /// that is missing or cannot be converted stays at its default, which the checks then report as unknown.
    /// </summary>
    internal static class PSObjectMapper
    {
        public static T? To<T>(object? value)
            where T : class =>
            Map(value, typeof(T)) as T;

        private static object? Map(object? value, Type type)
        {
            var baseObject = value is PSObject ps ? ps.BaseObject : value;
            if (baseObject is null)
            {
                return null;
            }

            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target.IsInstanceOfType(baseObject))
            {
                return baseObject;
            }

            if (target == typeof(string) || target.IsPrimitive || target.IsEnum || target == typeof(DateTimeOffset) || target == typeof(DateTime))
            {
                try
                {
                    return LanguagePrimitives.ConvertTo(baseObject, target, CultureInfo.InvariantCulture);
                }
                catch (PSInvalidCastException)
                {
                    return null;
                }
            }

            if (target.IsArray)
            {
                var elementType = target.GetElementType()!;
                var items = (LanguagePrimitives.GetEnumerable(baseObject)?.Cast<object>() ?? new[] { baseObject })
                    .Select(item => Map(item, elementType))
                    .Where(item => item != null)
                    .ToList();
                var array = Array.CreateInstance(elementType, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }

                return array;
            }

            if (baseObject is string || target.GetConstructor(Type.EmptyTypes) is null)
            {
                return null; // a nested object flattened to its ToString() by a shallow serialization depth
            }

            var settable = target.GetProperties().Where(p => p.CanWrite && p.GetSetMethod() != null).ToList();
            if (settable.Count == 0)
            {
                return null; // read-only catalog data (a GpuSpec): the enricher looks it up again, it is never rebuilt from a copy
            }

            var source = PSObject.AsPSObject(value);
            var result = Activator.CreateInstance(target)!;
            foreach (var property in settable)
            {
                var mapped = Map(source.Properties[property.Name]?.Value, property.PropertyType);
                if (mapped != null)
                {
                    property.SetValue(result, mapped);
                }
            }

            return result;
        }
    }
}
