-- Drives the Bot Versions language server from Neovim's built-in LSP client (0.7+), the
-- way a Neovim user would set it up, and writes what it saw to $BOTV_NVIM_OUT as JSON.
local server = os.getenv('BOTV_SERVER')
local root = os.getenv('BOTV_ROOT')
local file = os.getenv('BOTV_FILE')
local out = os.getenv('BOTV_NVIM_OUT')

local result = { diagnostics = {}, hover = nil, commands = nil, error = nil }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'bot-versions',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    init_options = { trusted = true, settings = {} },
  })
  assert(client_id, 'the client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)

  local seen = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 100)
  assert(seen, 'no diagnostics arrived within 20 s')
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end

  -- Versioning reaches any client through workspace/executeCommand.
  local client = vim.lsp.get_client_by_id(client_id)
  local response = client.request_sync('workspace/executeCommand', { command = 'botv.listBots', arguments = {} }, 10000, buf)
  assert(response and not response.err, 'executeCommand failed: ' .. vim.inspect(response and response.err))
  result.commands = response.result
end)
if not ok then result.error = tostring(err) end
finish()
