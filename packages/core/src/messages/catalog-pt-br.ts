import type { MessageCatalog } from './message-catalog';

const UNAVAILABLE =
  'O serviço de cartões não está disponível no momento. Tente novamente em alguns minutos.';
const SETUP =
  'O serviço de cartões não está configurado corretamente neste aplicativo. Fale com o suporte.';
const ACCESS =
  'Este aplicativo não conseguiu se conectar ao serviço de cartões. Fale com o suporte.';
const INVALID = 'Alguns dados não são válidos.';
const FAILED = 'O serviço de cartões teve um problema. Tente novamente mais tarde.';
const UNREADABLE =
  'O serviço de cartões enviou uma resposta que não conseguimos ler. Tente novamente mais tarde.';
const TOO_MANY = 'Há muitas solicitações no momento. Aguarde um instante e tente novamente.';
const UNREACHABLE = 'Não conseguimos falar com o serviço de cartões. Verifique sua conexão.';

/** Brazilian Portuguese messages for end users (`pt` and `pt-PT` fall back to it). */
export const catalogPtBr: MessageCatalog = {
  locale: 'pt-BR',
  kinds: {
    validation: INVALID,
    authentication: ACCESS,
    permission: 'Você não tem permissão para fazer isso.',
    not_found: 'Não encontramos o que você procura.',
    conflict: 'Isso conflita com uma alteração recente. Atualize e tente novamente.',
    business_rule: 'O serviço de cartões não permitiu esta operação.',
    rate_limited: TOO_MANY,
    unavailable: UNAVAILABLE,
    internal: FAILED,
    configuration: SETUP,
    network: UNREACHABLE,
    timeout: 'O serviço de cartões demorou demais para responder.',
    cancelled: 'A solicitação foi cancelada.',
    invalid_response: UNREADABLE,
    unknown: 'Algo deu errado. Tente novamente mais tarde.',
  },
  codes: {
    invalid_request: INVALID,
    invalid_field: INVALID,
    invalid_date_format: 'Uma data não é válida. Use o formato AAAA-MM-DD.',
    invalid_date_range: 'A data inicial não pode ser posterior à data final.',
    invalid_tax_id: 'O documento fiscal não está no formato do seu país.',
    invalid_enum_value: 'Uma das opções escolhidas não é válida.',
    duplicate_email: 'Já existe um usuário com este e-mail.',
    unauthenticated: ACCESS,
    invalid_credentials: ACCESS,
    email_not_verified: 'O e-mail da conta usada por este aplicativo ainda não foi verificado.',
    forbidden: 'Você não tem permissão para fazer isso.',
    not_found: 'Não encontramos o que você procura.',
    conflict: 'Isso conflita com uma alteração recente. Atualize e tente novamente.',
    operation_in_progress:
      'Um cartão para este usuário já está sendo criado. Aguarde alguns minutos.',
    business_rule_violation: 'O serviço de cartões não permitiu esta operação.',
    credit_limit_exceeded: 'Este valor ultrapassa o limite disponível da empresa.',
    user_not_active: 'Este usuário não está ativo.',
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
    connection_reset: 'A conexão com o serviço de cartões foi interrompida.',
    tls_failure:
      'Não conseguimos uma conexão segura com o serviço de cartões. Tente novamente mais tarde.',
    network_error: 'Um problema de rede interrompeu a solicitação.',
    timeout: 'O serviço de cartões demorou demais para responder.',
    cancelled: 'A solicitação foi cancelada.',
    unreadable_response: UNREADABLE,
    unexpected_response:
      'O serviço de cartões enviou uma resposta inesperada. Tente novamente mais tarde.',
    unknown: 'Algo deu errado. Tente novamente mais tarde.',
  },
  fieldLabels: {
    rut: 'RUT',
    account_number: 'número da conta',
    account_type: 'tipo de conta',
    bank_id: 'banco',
    bank: 'banco',
    amount: 'valor',
    currency: 'moeda',
    start_date: 'data inicial',
    end_date: 'data final',
    tax_id: 'documento fiscal',
    email: 'e-mail',
    transaction_type_name: 'tipo de transação',
    zip: 'CEP',
    postal_code: 'CEP',
    name: 'nome',
    first_name: 'nome',
    last_name: 'sobrenome',
    phone: 'telefone',
    address: 'endereço',
    city: 'cidade',
    country: 'país',
    birth_date: 'data de nascimento',
    description: 'descrição',
  },
  checkFields: (fields) => `Confira estes dados: ${fields}.`,
  mayHaveGoneThrough:
    'Se você estava fazendo uma alteração, confira se ela foi concluída antes de tentar novamente.',
};
