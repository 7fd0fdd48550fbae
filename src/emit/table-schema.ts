/**
 * A Frictionless Table Schema for ports.csv, derived from the record's JSON
 * Schema (schemas/port-record.schema.json) rather than written a second time:
 * integers keep their bounds, enums their values, nullable fields are
 * optional, and arrays are described as the joined strings the CSV holds.
 */
import { recordFields } from '../model/record.js';

interface JsonSchemaProperty {
  type?: string | string[];
  enum?: (string | null)[];
  minimum?: number;
  maximum?: number;
  description?: string;
}

export interface TableSchemaField {
  name: string;
  type: 'integer' | 'string';
  description?: string;
  constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[] };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
}

/** Derives the CSV's Table Schema from the record schema's properties. */
export function tableSchemaFor(recordSchema: { properties?: Record<string, JsonSchemaProperty> }): TableSchema {
  const fields = recordFields.map((name): TableSchemaField => {
    const property = recordSchema.properties?.[name];
    if (!property) throw new Error(`schemas/port-record.schema.json has no property ${name}`);
    const types = Array.isArray(property.type) ? property.type : [property.type];
    const nullable = types.includes('null');
    const description = property.description;
    if (types.includes('integer')) {
      return withDescription({ name, type: 'integer', constraints: { required: true, minimum: property.minimum, maximum: property.maximum } }, description);
    }
    if (types.includes('array')) {
      const joined = name === 'sources' ? 'Written `id:line`, joined with "; ".' : 'Items joined with "; ".';
      return withDescription({ name, type: 'string' }, [description, joined].filter(Boolean).join(' '));
    }
    // Table Schema says a missing value is null before constraints apply, and
    // its profile allows no null in `enum`: a nullable field is not required.
    const values = property.enum?.filter((value): value is string => value !== null);
    const constraints = {
      ...(nullable ? {} : { required: true }),
      ...(values ? { enum: values } : {}),
    };
    return withDescription({ name, type: 'string', ...(Object.keys(constraints).length ? { constraints } : {}) }, description);
  });
  return { fields, missingValues: [''] };
}

function withDescription(field: TableSchemaField, description: string | undefined): TableSchemaField {
  return description ? { name: field.name, type: field.type, description, ...(field.constraints ? { constraints: field.constraints } : {}) } : field;
}
