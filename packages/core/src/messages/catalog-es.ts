import type { MessageCatalog } from './message-catalog';

const UNAVAILABLE =
  'El servicio de tarjetas no está disponible en este momento. Inténtelo de nuevo en unos minutos.';
const SETUP =
  'El servicio de tarjetas no está bien configurado en esta aplicación. Contacte a soporte.';
const ACCESS = 'Esta aplicación no pudo conectarse al servicio de tarjetas. Contacte a soporte.';
const INVALID = 'Algunos datos no son válidos.';
const FAILED = 'El servicio de tarjetas tuvo un problema. Inténtelo de nuevo más tarde.';
const UNREADABLE =
  'El servicio de tarjetas envió una respuesta que no pudimos leer. Inténtelo de nuevo más tarde.';
const TOO_MANY =
  'Hay demasiadas solicitudes en este momento. Espere un momento e inténtelo de nuevo.';
const UNREACHABLE = 'No pudimos comunicarnos con el servicio de tarjetas. Revise su conexión.';

/** Spanish messages for end users (Mexico, Chile, Colombia: `es-MX`, `es-CL`, `es-CO` fall back to it). */
export const catalogEs: MessageCatalog = {
  locale: 'es',
  kinds: {
    validation: INVALID,
    authentication: ACCESS,
    permission: 'No tiene permiso para hacer esto.',
    not_found: 'No encontramos lo que busca.',
    conflict: 'Esto entra en conflicto con un cambio reciente. Actualice e inténtelo de nuevo.',
    business_rule: 'El servicio de tarjetas no permitió esta operación.',
    rate_limited: TOO_MANY,
    unavailable: UNAVAILABLE,
    internal: FAILED,
    configuration: SETUP,
    network: UNREACHABLE,
    timeout: 'El servicio de tarjetas tardó demasiado en responder.',
    cancelled: 'La solicitud fue cancelada.',
    invalid_response: UNREADABLE,
    unknown: 'Algo salió mal. Inténtelo de nuevo más tarde.',
  },
  codes: {
    invalid_request: INVALID,
    invalid_field: INVALID,
    invalid_date_format: 'Una fecha no es válida. Use el formato AAAA-MM-DD.',
    invalid_date_range: 'La fecha de inicio no puede ser posterior a la fecha de término.',
    invalid_tax_id: 'La identificación fiscal no tiene el formato de su país.',
    invalid_enum_value: 'Una de las opciones elegidas no es válida.',
    duplicate_email: 'Ya existe un usuario con este correo electrónico.',
    unauthenticated: ACCESS,
    invalid_credentials: ACCESS,
    email_not_verified:
      'El correo electrónico de la cuenta que usa esta aplicación aún no ha sido verificado.',
    forbidden: 'No tiene permiso para hacer esto.',
    not_found: 'No encontramos lo que busca.',
    conflict: 'Esto entra en conflicto con un cambio reciente. Actualice e inténtelo de nuevo.',
    operation_in_progress:
      'Ya se está creando una tarjeta para este usuario. Espere un par de minutos.',
    business_rule_violation: 'El servicio de tarjetas no permitió esta operación.',
    credit_limit_exceeded: 'Este monto supera el límite disponible de la empresa.',
    user_not_active: 'Este usuario no está activo.',
    rate_limited: TOO_MANY,
    upstream_unavailable: UNAVAILABLE,
    breaker_open: UNAVAILABLE,
    internal_error: FAILED,
    core_service_failure: FAILED,
    client_certificate_missing: SETUP,
    missing_company_id: SETUP,
    request_headers_too_large: SETUP,
    invalid_client_setup: SETUP,
    connection_failed: UNREACHABLE,
    connection_reset: 'La conexión con el servicio de tarjetas se interrumpió.',
    tls_failure:
      'No pudimos conectarnos de forma segura al servicio de tarjetas. Inténtelo de nuevo más tarde.',
    network_error: 'Un problema de red interrumpió la solicitud.',
    timeout: 'El servicio de tarjetas tardó demasiado en responder.',
    cancelled: 'La solicitud fue cancelada.',
    unreadable_response: UNREADABLE,
    unexpected_response:
      'El servicio de tarjetas envió una respuesta inesperada. Inténtelo de nuevo más tarde.',
    unknown: 'Algo salió mal. Inténtelo de nuevo más tarde.',
  },
  fieldLabels: {
    rut: 'RUT',
    account_number: 'número de cuenta',
    account_type: 'tipo de cuenta',
    bank_id: 'banco',
    bank: 'banco',
    amount: 'monto',
    currency: 'moneda',
    start_date: 'fecha de inicio',
    end_date: 'fecha de término',
    tax_id: 'identificación fiscal',
    email: 'correo electrónico',
    transaction_type_name: 'tipo de transacción',
    zip: 'código postal',
    postal_code: 'código postal',
    name: 'nombre',
    first_name: 'nombre',
    last_name: 'apellido',
    phone: 'teléfono',
    address: 'dirección',
    city: 'ciudad',
    country: 'país',
    birth_date: 'fecha de nacimiento',
    description: 'descripción',
  },
  checkFields: (fields) => `Revise estos datos: ${fields}.`,
  mayHaveGoneThrough:
    'Si estaba haciendo un cambio, verifique si se realizó antes de intentarlo de nuevo.',
};
